using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net;
using System.Security;
using SecureMFA.Cmdlets.Help;
using SecureMFA.Cmdlets.Infrastructure;
using SecureMFA.Core.Security;
using SecureMFA.Core.Stores;

namespace SecureMFA.Cmdlets
{
    [Cmdlet(VerbsData.ConvertTo, "xOTP_EncryptedSecret", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(PSObject))]
    [CmdletHelp("Encrypts every OTP secret with the configured passphrase, in the current format.",
        "With data_encryption on, the provider refuses a stored secret that is not encrypted (it could have been planted by anyone able to " +
        "write one column). Run this after turning encryption on, after an upgrade (secrets of the 1.0 key format are rewritten in format " +
        "v2), or to rotate the passphrase: put the new passphrase in the configuration and give the old one with -PreviousPassphrase. " +
        "Every secret is read, checked and re-encrypted for its own user; in SQL Server and SQLite all of them are written in one " +
        "transaction, so either every secret moves or none does (in AD mode each user is written on its own). A secret that cannot be " +
        "read with either passphrase is reported and left unchanged. Users keep their authenticator apps. The WEB API's device keys, " +
        "encrypted with the same passphrase, are re-encrypted too (each on its own), so registered Windows devices keep working. Recovery " +
        "codes are stored as hashes, not encrypted, and need no conversion.",
        Outputs = "One object: Examined (secrets read), ToConvert (not yet in the current format or passphrase), Converted (written; 0 with " +
            "-WhatIf), AlreadyCurrent and Unreadable (reported as errors, left unchanged), DeviceKeysConverted (or, with -WhatIf, to " +
            "convert) and DeviceKeysUnreadable.")]
    [CmdletExample("ConvertTo-xOTP_EncryptedSecret -WhatIf", "Counts the secrets that would be encrypted or rewritten, changing nothing.")]
    [CmdletExample("ConvertTo-xOTP_EncryptedSecret -PreviousPassphrase (Read-Host -AsSecureString 'Old passphrase') -Confirm:$false",
        "Passphrase rotation: the configuration already holds the new passphrase; every secret is re-encrypted with it.")]
    [CmdletExample("ConvertTo-xOTP_EncryptedSecret -WhatIf | ForEach-Object { if ($_.ToConvert -gt 0) { \"$($_.ToConvert) of $($_.Examined) secrets to convert\" } }",
        "Uses the counts in a script: says how many secrets a real run would rewrite.")]
    public sealed class ConvertToEncryptedSecretCommand : OtpStoreCmdlet
    {
        private const int PageSize = 1000;

        [Parameter(HelpMessage = "The passphrase the secrets were encrypted with before a rotation. Not needed to encrypt plaintext secrets or to rewrite older formats.")]
        public SecureString? PreviousPassphrase { get; set; }

        protected override void ProcessRecord()
        {
            if (!Config.DataEncryption)
            {
                ThrowTerminatingError(Errors.Record("data_encryption is false in the configuration: set it to true and give data_encryption_passphrase first.",
                    "EncryptionOff", ErrorCategory.InvalidOperation, ConfigurationFilePath));
                return;
            }

            var previous = PreviousPassphrase == null || PreviousPassphrase.Length == 0 ? null
                : new EncryptedSecretProtector(new NetworkCredential("", PreviousPassphrase).Password, () => KeyDerivationSalt.From(Store));
            var replacements = new List<SecretReplacement>();
            int examined = 0, current = 0, unreadable = 0;
            ForUser("*", () =>
            {
                var now = DateTime.UtcNow;
                for (var skip = 0; ; skip += PageSize)
                {
                    var page = Store.List(new UserQuery { Skip = skip, Take = PageSize }, now);
                    foreach (var user in page)
                    {
                        examined++;
                        var secret = Read(user.Upn, user.ProtectedSecret, user.Upn, previous);
                        if (secret == null) { unreadable++; continue; }
                        if (secret.Value.Current) { current++; continue; }
                        replacements.Add(new SecretReplacement(user.Upn, user.ProtectedSecret, Protector.Protect(user.Upn, secret.Value.Key)));
                    }
                    if (page.Count < PageSize) break;
                }

                var written = 0;
                if (replacements.Count > 0 && ShouldProcess($"{replacements.Count} OTP secret(s)", "Encrypt with the configured passphrase, format v2"))
                {
                    written = Store.ReplaceSecrets(replacements);
                    if (written < replacements.Count)
                        WriteWarning($"{replacements.Count - written} secret(s) changed while this ran (a reset or removal) and were left as they now are.");
                }

                var (devicesConverted, devicesUnreadable) = ConvertDeviceKeys(previous);

                var result = new PSObject();
                result.Properties.Add(new PSNoteProperty("Examined", examined));
                result.Properties.Add(new PSNoteProperty("Converted", written));
                result.Properties.Add(new PSNoteProperty("ToConvert", replacements.Count));
                result.Properties.Add(new PSNoteProperty("AlreadyCurrent", current));
                result.Properties.Add(new PSNoteProperty("Unreadable", unreadable));
                result.Properties.Add(new PSNoteProperty("DeviceKeysConverted", devicesConverted));
                result.Properties.Add(new PSNoteProperty("DeviceKeysUnreadable", devicesUnreadable));
                WriteObject(result);
            });
        }

        /// <summary>
        /// The WEB API's device keys are encrypted with the same passphrase (bound to "device:" + id): a rotation moves them
        /// too, each by its own compare-and-swap. Returns how many were rewritten (or, with -WhatIf, would be) and how many
        /// could not be read.
        /// </summary>
        private (int Converted, int Unreadable) ConvertDeviceKeys(ISecretProtector? previous)
        {
            var devices = Open(() => Deployment.Devices);
            int converted = 0, unreadable = 0;
            foreach (var device in devices.List())
            {
                var binding = Device.KeyBinding(device.Id);
                var key = Read(binding, device.ProtectedKey, "device " + device.Id, previous);
                if (key == null) { unreadable++; continue; }
                if (key.Value.Current) continue;
                if (!ShouldProcess("device " + device.Id + " (" + device.Machine + ")", "Encrypt its WEB API key with the configured passphrase")) { converted++; continue; }
                if (devices.ReplaceKey(device.Id, device.ProtectedKey, Protector.Protect(binding, key.Value.Key))) converted++;
            }
            return (converted, unreadable);
        }

        /// <summary>
        /// A secret (a user's, or a device key) and whether it is already stored in the current format under the current
        /// passphrase; null when unreadable (reported, naming <paramref name="owner"/>).
        /// </summary>
        private (byte[] Key, bool Current)? Read(string binding, string stored, string owner, ISecretProtector? previous)
        {
            var encrypted = stored.StartsWith(EncryptedSecretProtector.VersionPrefix, StringComparison.Ordinal)
                || stored.StartsWith(EncryptedSecretProtector.V1Prefix, StringComparison.Ordinal);
            try
            {
                if (!encrypted) return (new PlainSecretProtector().Unprotect(binding, stored), false);
                try
                {
                    return (Protector.Unprotect(binding, stored), Protector.IsCurrentFormat(stored));
                }
                catch (SecretUnreadableException) when (previous != null)
                {
                    return (previous.Unprotect(binding, stored), false);
                }
            }
            catch (SecretUnreadableException ex)
            {
                WriteError(Errors.Record(ex.Message + (previous == null ? " If the passphrase was changed, give the old one with -PreviousPassphrase." : ""),
                    "SecretUnreadable", ErrorCategory.InvalidData, owner, ex));
                return null;
            }
        }
    }
}
