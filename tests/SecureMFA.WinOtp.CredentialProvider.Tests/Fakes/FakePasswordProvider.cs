using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Services;
using SecureMFA.WinOtp.CredentialProvider.Tile;

namespace SecureMFA.WinOtp.CredentialProvider.Tests.Fakes
{
    /// <summary>
    /// A stand-in for Windows' Password provider (CLSID_PasswordCredentialProvider) with a tile like Windows 10's:
    /// image, user name, password, submit button, a command link. Field ids deliberately not 0..n-1, to prove the
    /// shell uses the descriptors' ids. <see cref="Throw"/> makes every call of it and its credentials fail.
    /// </summary>
    public sealed class FakePasswordProvider : ICredentialProvider, ICredentialProviderSetUserArray, IPasswordProviderSource
    {
        public static readonly Guid Clsid = new Guid("60b78e88-ead8-445c-9cfd-0b87f74ea6cd");
        public const uint ImageId = 0, UserNameId = 2, PasswordId = 3, SubmitId = 4, LinkId = 7;

        public List<TileField> Fields { get; set; } = new List<TileField>
        {
            new TileField(ImageId, CredentialProviderFieldType.TileImage, "Image", Guid.Empty, FieldOwner.Wrapped),
            new TileField(UserNameId, CredentialProviderFieldType.EditText, "User name", new Guid("da15bbe8-954d-4fd3-b0f4-1fb5b90b174b"), FieldOwner.Wrapped),
            new TileField(PasswordId, CredentialProviderFieldType.PasswordText, "Password", new Guid("60624cfa-a477-47b1-8a8e-3a4a19981827"), FieldOwner.Wrapped),
            new TileField(SubmitId, CredentialProviderFieldType.SubmitButton, "Submit", Guid.Empty, FieldOwner.Wrapped),
            new TileField(LinkId, CredentialProviderFieldType.CommandLink, "Sign-in options", Guid.Empty, FieldOwner.Wrapped),
        };

        public List<FakePasswordCredential> Credentials { get; } = new List<FakePasswordCredential>();
        public List<string> Calls { get; } = new List<string>();
        public bool Throw { get; set; }
        public int Created { get; private set; }
        public CredentialSerialization? Received { get; private set; }
        public ICredentialProviderUserArray? Users { get; private set; }
        public int UsageResult { get; set; }

        public FakePasswordProvider(int credentials = 1)
        {
            for (var i = 0; i < credentials; i++) Credentials.Add(new FakePasswordCredential(this, i == 0 ? null : "S-1-5-21-1-2-3-" + (1000 + i)));
        }

        /// <summary>
        /// What <see cref="Create"/> throws instead of answering: CoCreateInstance's failure as a COMException, or an
        /// InvalidCastException — what the CLR throws when the created object's QueryInterface for ICredentialProvider fails.
        /// </summary>
        public Exception? CreateFailure { get; set; }

        public ICredentialProvider Create()
        {
            Created++;
            if (CreateFailure != null) throw CreateFailure;
            return this;
        }

        private void Call(string name)
        {
            Calls.Add(name);
            if (Throw) throw new COMException("The wrapped provider failed in " + name + ".", unchecked((int)0x80004005));
        }

        public int SetUsageScenario(CredentialProviderUsageScenario cpus, uint dwFlags) { Call("SetUsageScenario " + cpus); return UsageResult; }

        public int SetSerialization(ref CredentialSerialization pcpcs)
        {
            Call("SetSerialization");
            Received = pcpcs;
            return 0;
        }

        public int Advise(ICredentialProviderEvents? pcpe, UIntPtr upAdviseContext) { Call("Advise"); return 0; }
        public int UnAdvise() { Call("UnAdvise"); return 0; }

        public int GetFieldDescriptorCount(out uint pdwCount)
        {
            pdwCount = (uint)Fields.Count;
            Call("GetFieldDescriptorCount");
            return 0;
        }

        public int GetFieldDescriptorAt(uint dwIndex, out IntPtr ppcpfd)
        {
            ppcpfd = IntPtr.Zero;
            Call("GetFieldDescriptorAt " + dwIndex);
            ppcpfd = FieldDescriptorMemory.Allocate(Fields[(int)dwIndex]);
            return 0;
        }

        public int GetCredentialCount(out uint pdwCount, out uint pdwDefault, out int pbAutoLogonWithDefault)
        {
            pdwCount = (uint)Credentials.Count;
            pdwDefault = 0;
            pbAutoLogonWithDefault = Received.HasValue ? 1 : 0;
            Call("GetCredentialCount");
            return 0;
        }

        public int GetCredentialAt(uint dwIndex, out ICredentialProviderCredential? ppcpc)
        {
            ppcpc = Credentials[(int)dwIndex];
            Call("GetCredentialAt " + dwIndex);
            return 0;
        }

        public int SetUserArray(ICredentialProviderUserArray? users)
        {
            Call("SetUserArray");
            Users = users;
            return 0;
        }
    }
}
