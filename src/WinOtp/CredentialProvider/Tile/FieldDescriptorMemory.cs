using System;
using System.Runtime.InteropServices;
using SecureMFA.WinOtp.CredentialProvider.Interop;

namespace SecureMFA.WinOtp.CredentialProvider.Tile
{
    /// <summary>
    /// CREDENTIAL_PROVIDER_FIELD_DESCRIPTOR blocks as LogonUI expects them: the structure and its label each in
    /// CoTaskMemAlloc memory, which the receiver frees (label first). Used both ways: to hand ours to LogonUI and to
    /// read (then free) the wrapped provider's.
    /// </summary>
    public static class FieldDescriptorMemory
    {
        public static IntPtr Allocate(TileField field)
        {
            var label = Marshal.StringToCoTaskMemUni(field.Label);
            IntPtr block;
            try { block = Marshal.AllocCoTaskMem(Marshal.SizeOf(typeof(FieldDescriptor))); }
            catch
            {
                Marshal.FreeCoTaskMem(label);
                throw;
            }
            Marshal.StructureToPtr(new FieldDescriptor { FieldId = field.Id, FieldType = field.Type, Label = label, GuidFieldType = field.GuidFieldType }, block, false);
            return block;
        }

        /// <summary>Reads the descriptor as a wrapped field, then frees the block and its label.</summary>
        public static TileField ReadAndFree(IntPtr block)
        {
            if (block == IntPtr.Zero) throw new ArgumentException("The wrapped provider returned no field descriptor.", nameof(block));
            try
            {
                var descriptor = (FieldDescriptor)Marshal.PtrToStructure(block, typeof(FieldDescriptor))!;
                var label = descriptor.Label == IntPtr.Zero ? "" : Marshal.PtrToStringUni(descriptor.Label) ?? "";
                if (descriptor.Label != IntPtr.Zero) Marshal.FreeCoTaskMem(descriptor.Label);
                return new TileField(descriptor.FieldId, descriptor.FieldType, label, descriptor.GuidFieldType, FieldOwner.Wrapped);
            }
            finally { Marshal.FreeCoTaskMem(block); }
        }
    }
}
