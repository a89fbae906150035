using System;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using SecureMFA.WinOtp.CredentialProvider.Com;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using Xunit;

namespace SecureMFA.WinOtp.CredentialProvider.Tests
{
    /// <summary>
    /// The COM contract with LogonUI: each interface's IID and the order of its methods (the vtable slots after
    /// IUnknown's three), the structures' sizes and the enumerations' values, against what was read from the headers:
    /// the Windows SDK's credentialprovider.h (MIDL 7.00.0555 output of credentialprovider.idl) and, for the Windows 8
    /// interfaces, mingw-w64-headers/include/credentialprovider.h (WIDL output of the same IDL). The expected values
    /// below are typed from those headers, not taken from the code under test.
    /// </summary>
    public class InterfaceContractTests
    {
        private static readonly string[] CredentialMethods =
        {
            "Advise", "UnAdvise", "SetSelected", "SetDeselected", "GetFieldState", "GetStringValue", "GetBitmapValue", "GetCheckboxValue",
            "GetSubmitButtonValue", "GetComboBoxValueCount", "GetComboBoxValueAt", "SetStringValue", "SetCheckboxValue",
            "SetComboBoxSelectedValue", "CommandLinkClicked", "GetSerialization", "ReportResult",
        };

        private static readonly string[] CredentialEventsMethods =
        {
            "SetFieldState", "SetFieldInteractiveState", "SetFieldString", "SetFieldCheckbox", "SetFieldBitmap", "SetFieldComboBoxSelectedItem",
            "DeleteFieldComboBoxItem", "AppendFieldComboBoxItem", "SetFieldSubmitButton", "OnCreatingWindow",
        };

        public static TheoryData<Type, string, string[]> Interfaces => new TheoryData<Type, string, string[]>
        {
            { typeof(ICredentialProvider), "d27c3481-5a1c-45b2-8aaa-c20ebbe8229e",
                new[] { "SetUsageScenario", "SetSerialization", "Advise", "UnAdvise", "GetFieldDescriptorCount", "GetFieldDescriptorAt", "GetCredentialCount", "GetCredentialAt" } },
            { typeof(ICredentialProviderCredential), "63913a93-40c1-481a-818d-4072ff8c70cc", CredentialMethods },
            { typeof(ICredentialProviderCredential2), "fd672c54-40ea-4d6e-9b49-cfb1a7507bd7", CredentialMethods.Concat(new[] { "GetUserSid" }).ToArray() },
            { typeof(ICredentialProviderCredentialEvents), "fa6fa76b-66b7-4b11-95f1-86171118e816", CredentialEventsMethods },
            { typeof(ICredentialProviderCredentialEvents2), "b53c00b6-9922-4b78-b1f4-ddfe774dc39b",
                CredentialEventsMethods.Concat(new[] { "BeginFieldUpdates", "EndFieldUpdates", "SetFieldOptions" }).ToArray() },
            { typeof(ICredentialProviderEvents), "34201e5a-a787-41a3-a5a4-bd6dcf2a854e", new[] { "CredentialsChanged" } },
            { typeof(ICredentialProviderFilter), "a5da53f9-d475-4080-a120-910c4a739880", new[] { "Filter", "UpdateRemoteCredential" } },
            { typeof(ICredentialProviderSetUserArray), "095c1484-1c0c-4388-9c6d-500e61bf84bd", new[] { "SetUserArray" } },
            { typeof(ICredentialProviderUserArray), "90c119ae-0f18-4520-a1f1-114366a40fe8", new string[0] },
        };

        [Theory]
        [MemberData(nameof(Interfaces))]
        public void EachInterfaceHasTheHeadersIidAndMethodOrder(Type type, string iid, string[] vtable)
        {
            Assert.True(type.IsInterface);
            Assert.NotNull(type.GetCustomAttribute<ComImportAttribute>());
            Assert.Equal(ComInterfaceType.InterfaceIsIUnknown, type.GetCustomAttribute<InterfaceTypeAttribute>()!.Value);
            Assert.Equal(new Guid(iid), type.GUID);
            // The CLR lays a [ComImport] interface's vtable out from its own methods in metadata (declaration) order.
            var declared = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).OrderBy(m => m.MetadataToken).ToArray();
            Assert.Equal(vtable, declared.Select(m => m.Name).ToArray());
            Assert.All(declared, m =>
            {
                Assert.True(m.GetMethodImplementationFlags().HasFlag(MethodImplAttributes.PreserveSig), m.Name + " returns its HRESULT itself");
                Assert.Equal(typeof(int), m.ReturnType);
            });
        }

        [Fact]
        public void TheRedeclaredBaseMethodsHaveTheBasesParameters()
        {
            foreach (var (derived, @base) in new[] { (typeof(ICredentialProviderCredential2), typeof(ICredentialProviderCredential)), (typeof(ICredentialProviderCredentialEvents2), typeof(ICredentialProviderCredentialEvents)) })
            {
                var baseMethods = @base.GetMethods().OrderBy(m => m.MetadataToken).ToArray();
                var derivedMethods = derived.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).OrderBy(m => m.MetadataToken).Take(baseMethods.Length).ToArray();
                for (var i = 0; i < baseMethods.Length; i++)
                    Assert.Equal(baseMethods[i].GetParameters().Select(p => p.ParameterType), derivedMethods[i].GetParameters().Select(p => p.ParameterType));
            }
        }

        [Fact]
        public void TheStructuresHaveTheirX64Layout()
        {
            // CREDENTIAL_PROVIDER_CREDENTIAL_SERIALIZATION: ULONG, GUID, ULONG, (pad), byte*.
            Assert.Equal(32, Marshal.SizeOf<CredentialSerialization>());
            Assert.Equal(4, (int)Marshal.OffsetOf<CredentialSerialization>(nameof(CredentialSerialization.CredentialProviderClsid)));
            Assert.Equal(20, (int)Marshal.OffsetOf<CredentialSerialization>(nameof(CredentialSerialization.SerializationSize)));
            Assert.Equal(24, (int)Marshal.OffsetOf<CredentialSerialization>(nameof(CredentialSerialization.Serialization)));
            // CREDENTIAL_PROVIDER_FIELD_DESCRIPTOR: DWORD, enum, LPWSTR, GUID.
            Assert.Equal(32, Marshal.SizeOf<FieldDescriptor>());
            Assert.Equal(8, (int)Marshal.OffsetOf<FieldDescriptor>(nameof(FieldDescriptor.Label)));
            Assert.Equal(16, (int)Marshal.OffsetOf<FieldDescriptor>(nameof(FieldDescriptor.GuidFieldType)));
        }

        [Fact]
        public void TheEnumerationsHaveTheHeadersValues()
        {
            Assert.Equal(new[] { 0, 1, 2, 3, 4, 5 }, new[] { CredentialProviderUsageScenario.Invalid, CredentialProviderUsageScenario.Logon, CredentialProviderUsageScenario.UnlockWorkstation,
                CredentialProviderUsageScenario.ChangePassword, CredentialProviderUsageScenario.CredUI, CredentialProviderUsageScenario.Plap }.Select(v => (int)v));
            Assert.Equal(new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, new[] { CredentialProviderFieldType.Invalid, CredentialProviderFieldType.LargeText, CredentialProviderFieldType.SmallText,
                CredentialProviderFieldType.CommandLink, CredentialProviderFieldType.EditText, CredentialProviderFieldType.PasswordText, CredentialProviderFieldType.TileImage,
                CredentialProviderFieldType.Checkbox, CredentialProviderFieldType.ComboBox, CredentialProviderFieldType.SubmitButton }.Select(v => (int)v));
            Assert.Equal(new[] { 0, 1, 2, 3 }, new[] { CredentialProviderFieldState.Hidden, CredentialProviderFieldState.DisplayInSelectedTile,
                CredentialProviderFieldState.DisplayInDeselectedTile, CredentialProviderFieldState.DisplayInBoth }.Select(v => (int)v));
            Assert.Equal(new[] { 0, 1, 2, 3 }, new[] { CredentialProviderFieldInteractiveState.None, CredentialProviderFieldInteractiveState.ReadOnly,
                CredentialProviderFieldInteractiveState.Disabled, CredentialProviderFieldInteractiveState.Focused }.Select(v => (int)v));
            Assert.Equal(new[] { 0, 1, 2, 3 }, new[] { CredentialProviderGetSerializationResponse.NoCredentialNotFinished, CredentialProviderGetSerializationResponse.NoCredentialFinished,
                CredentialProviderGetSerializationResponse.ReturnCredentialFinished, CredentialProviderGetSerializationResponse.ReturnNoCredentialFinished }.Select(v => (int)v));
            Assert.Equal(new[] { 0, 1, 2, 3 }, new[] { CredentialProviderStatusIcon.None, CredentialProviderStatusIcon.Error, CredentialProviderStatusIcon.Warning, CredentialProviderStatusIcon.Success }.Select(v => (int)v));
        }

        [Fact]
        public void TheClassesLogonUiCreatesCarryTheRegisteredClsids()
        {
            Assert.Equal(new Guid("a1495740-3c4b-4cd0-b4df-eb470152b4ef"), typeof(WinOtpCredentialProvider).GUID);
            Assert.Equal(new Guid("e9f156f9-07dd-48fa-a3cd-48595381d707"), typeof(WinOtpCredentialProviderFilter).GUID);
            Assert.Equal(WinOtpCredentialProvider.Clsid, typeof(WinOtpCredentialProvider).GUID.ToString());
            Assert.Equal(WinOtpCredentialProviderFilter.Clsid, typeof(WinOtpCredentialProviderFilter).GUID.ToString());
            Assert.NotEqual(typeof(WinOtpCredentialProvider).GUID, typeof(WinOtpCredentialProviderFilter).GUID);
            // CLSID_PasswordCredentialProvider from the header: the provider the shell wraps and the filter turns off.
            Assert.Equal(new Guid("60b78e88-ead8-445c-9cfd-0b87f74ea6cd"), Fakes.FakePasswordProvider.Clsid);
        }
    }
}
