using SecureMFA.Otp.Json;

namespace SecureMFA.Otp.Protocol
{
    /// <summary>
    /// What the WEB API hands a device after an accepted code, for sign-ins while the API cannot be reached
    /// (docs/webapi-protocol.md, "Offline package"). <see cref="WrappedSecret"/> carries the user's offline secret for
    /// this device (<see cref="OfflineSecret"/>), never the secret the API and AD FS check.
    /// </summary>
    public sealed class OfflinePackage
    {
        /// <summary>3: the offline secret of <see cref="OfflineSecret"/> and <see cref="Issuer"/>. Version 2 carried the user's own secret.</summary>
        public const int FormatVersion = 3;

        public int V { get; set; } = FormatVersion;
        /// <summary>The user's UPN as the server stores it (lower case); part of the key derivation.</summary>
        public string Upn { get; set; } = "";
        /// <summary>The issuer of the user's authenticator entries (the server's company); the offline entry is named after it.</summary>
        public string Issuer { get; set; } = "";
        public string Alg { get; set; } = "SHA1";
        public int Digits { get; set; } = 6;
        public int Period { get; set; } = 30;
        /// <summary>Unix seconds after which the package must not be used.</summary>
        public long ValidUntil { get; set; }
        /// <summary>The server's lockout policy; 0 = no lockout.</summary>
        public int MaxFailures { get; set; }
        public int LockoutMinutes { get; set; }
        /// <summary>The time step (Unix seconds / Period) of the code just accepted: offline codes must be later.</summary>
        public long LastStep { get; set; }
        /// <summary>Base64 of IV (16) | AES-256-CBC ciphertext | HMAC-SHA256 tag (32).</summary>
        public string WrappedSecret { get; set; } = "";
        /// <summary>
        /// The user's unused recovery codes, each only as a slow salted hash (<see cref="Recovery.OfflineRecoveryCode"/>);
        /// empty when the user has none. Outside the wrap's tag: the signed answer covers them, and the vault's MAC afterwards.
        /// </summary>
        public System.Collections.Generic.IReadOnlyList<string> RecoveryCodes { get; set; } = new string[0];
        /// <summary>The PBKDF2 iterations of <see cref="RecoveryCodes"/>; 0 when there are none.</summary>
        public int RecoveryIterations { get; set; }

        /// <summary>The package as the verify answer's "offline" member carries it: the one form the API writes and devices read.</summary>
        public JsonWriter ToJson()
        {
            var json = new JsonWriter()
            .Add("v", V)
            .Add("upn", Upn)
            .Add("issuer", Issuer)
            .Add("alg", Alg)
            .Add("digits", Digits)
            .Add("period", Period)
            .Add("validUntil", ValidUntil)
            .Add("maxFailures", MaxFailures)
            .Add("lockoutMinutes", LockoutMinutes)
            .Add("lastStep", LastStep)
            .Add("wrappedSecret", WrappedSecret);
            // Only for a user who has recovery codes: a package without them is the same bytes as before they existed.
            if (RecoveryCodes.Count > 0) json.Add(ApiWords.Members.RecoveryIterations, RecoveryIterations).Add(ApiWords.Members.RecoveryCodes, RecoveryCodes);
            return json;
        }

        /// <summary>Reads what <see cref="ToJson"/> writes; a member missing or of the wrong type is a <see cref="JsonFormatException"/>.</summary>
        public static OfflinePackage FromJson(JsonObject json) => new OfflinePackage
        {
            V = json.RequiredInt32("v"),
            Upn = json.RequiredString("upn"),
            // Absent before version 3; the device refuses such a package (OfflineVault.OpenPackage), the accept stands.
            Issuer = json.String("issuer") ?? "",
            Alg = json.RequiredString("alg"),
            Digits = json.RequiredInt32("digits"),
            Period = json.RequiredInt32("period"),
            ValidUntil = json.RequiredInt64("validUntil"),
            MaxFailures = json.RequiredInt32("maxFailures"),
            LockoutMinutes = json.RequiredInt32("lockoutMinutes"),
            LastStep = json.RequiredInt64("lastStep"),
            WrappedSecret = json.RequiredString("wrappedSecret"),
            // Absent from servers before recovery codes worked offline: no codes.
            RecoveryIterations = json.Int32(ApiWords.Members.RecoveryIterations) ?? 0,
            RecoveryCodes = json.StringArray(ApiWords.Members.RecoveryCodes) ?? new string[0],
        };
    }
}
