using System;
using System.Linq;
using System.Management.Automation;
using SecureMFA.Cmdlets.Help;
using SecureMFA.Cmdlets.Infrastructure;
using SecureMFA.Cmdlets.Output;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Protocol;

namespace SecureMFA.Cmdlets
{
    [Cmdlet(VerbsCommon.Get, "xOTP_OfflineUnlockCode")]
    [OutputType(typeof(OtpOfflineUnlockCode))]
    [CmdletHelp("Answers the offline help-desk challenge of a SecureMFA WIN OTP computer, for a user without a phone.",
        "A user whose computer cannot reach the SecureMFA WEB API, and who has neither the authenticator app nor a recovery code, chooses " +
        "\"No phone?\" on the logon tile and reads out a challenge of ten characters (XXXXX-XXXXX). This cmdlet answers it from the " +
        "device key the store holds for that computer: the unlock code it returns (ten characters) works once, on that computer, for that " +
        "user, within 15 minutes of the challenge (by the server's clock, a challenge older than that is refused), and counts against the " +
        "computer's offline lockout when mistyped. The user types it as the code, with their Windows password. Check who is calling before " +
        "you answer: the code replaces the second factor. A challenge that was misheard, or belongs to another computer or user, is refused " +
        "(it carries a check). Each answer is audited: event 5565 (source Secure MFA OTP, the help-desk audit trail) names who asked, for which user and computer, " +
        "from where; the computer writes event 5562 when the code is used. " + HelpText.UpnCompletion)]
    [CmdletExample("Get-xOTP_OfflineUnlockCode -Machine LAPTOP-042 -Upn alice@adatum.com -Challenge 7KQ2M-9XH4D",
        "Answers the challenge alice read out from LAPTOP-042; read the UnlockCode back to her.")]
    [CmdletExample("Get-xOTP_OfflineUnlockCode LAPTOP-042 alice@adatum.com 7KQ2M9XH4D -DeviceId 3f2a9c0e5b7d41e8a6c4f0b2d9e8a7c1",
        "The same, naming the registration when the computer registered more than once.")]
    public sealed class GetOfflineUnlockCodeCommand : DeviceRegistryCmdlet
    {
        protected override bool ReadsOnly => true;

        [Parameter(Mandatory = true, Position = 0, HelpMessage = "The computer's name, as Get-xOTP_Device shows it (the tile shows it too).")]
        [Alias("ComputerName")]
        public string Machine { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, HelpMessage = "The user's UPN. Tab completes from the store.")]
        [Alias("UserPrincipalName")]
        [ArgumentCompleter(typeof(UpnCompleter))]
        public string Upn { get; set; } = "";

        [Parameter(Mandatory = true, Position = 2, HelpMessage = "The challenge the user read out: ten letters and digits, with or without the dash.")]
        public string Challenge { get; set; } = "";

        [Parameter(HelpMessage = "The computer's registration (device id), when it has more than one that is not revoked.")]
        public string? DeviceId { get; set; }

        protected override void ProcessRecord()
        {
            ForDevice(() =>
            {
                if (!TryNormalizeUpn(Upn, out var upn)) return;
                var machine = Machine.Trim();
                if (OfflineUnlock.Normalize(Challenge) == null)
                {
                    WriteError(Errors.Record($"\"{Challenge}\" is not a challenge: it has ten letters and digits (XXXXX-XXXXX), as the logon tile shows it.",
                        "InvalidChallenge", ErrorCategory.InvalidArgument, Challenge));
                    return;
                }
                var user = Store.Find(upn);
                if (user == null) { WriteError(Errors.UserNotFound(upn)); return; }
                if (user.Disabled)
                {
                    WriteError(Errors.Record($"{upn} is disabled: no unlock code is given for a disabled user (Enable-xOTP_User first).", "UserDisabled", ErrorCategory.PermissionDenied, upn));
                    return;
                }
                var devices = Devices.List()
                    .Where(d => !d.IsRevoked && string.Equals(d.Machine, machine, StringComparison.OrdinalIgnoreCase))
                    .Where(d => DeviceId == null || string.Equals(d.Id, DeviceId.Trim(), StringComparison.Ordinal))
                    .ToList();
                if (devices.Count == 0)
                {
                    WriteError(Errors.Record($"No registration of \"{machine}\"{(DeviceId != null ? $" with the id {DeviceId}" : "")} is active with the WEB API (Get-xOTP_Device -Machine {machine} lists them): a revoked computer gets no unlock code.",
                        "DeviceNotFound", ErrorCategory.ObjectNotFound, machine));
                    return;
                }

                var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                // The challenge's check tells which registration made it (and refuses a misheard one).
                var matches = devices.Select(d => (Device: d, Key: Protector.Unprotect(Device.KeyBinding(d.Id), d.ProtectedKey)))
                    .Select(d => (d.Device, d.Key, Read: OfflineUnlock.Read(d.Key, d.Device.Id, upn, Challenge, now)))
                    .Where(d => d.Read != null).ToList();
                if (matches.Count != 1)
                {
                    WriteError(matches.Count == 0
                        ? Errors.Record($"The challenge \"{Challenge}\" was not made on {machine} for {upn}: check each character with the user (the tile shows it as XXXXX-XXXXX), the computer and the user name.",
                            "ChallengeMismatch", ErrorCategory.InvalidData, Challenge)
                        : Errors.Record($"The challenge fits more than one registration of {machine}: give -DeviceId (Get-xOTP_Device -Machine {machine}).",
                            "AmbiguousDevice", ErrorCategory.InvalidArgument, machine));
                    return;
                }
                var (device, key, challenge) = (matches[0].Device, matches[0].Key, matches[0].Read!);
                var age = now - challenge.IssuedUnix;
                if (age > OfflineUnlock.ValidMinutes * 60L || age < -OfflineUnlock.FutureToleranceMinutes * 60L)
                {
                    WriteError(Errors.Record($"The challenge was made at {DateTimeOffset.FromUnixTimeSeconds(challenge.IssuedUnix):u} by {machine}'s clock, {Math.Abs(age) / 60} minute(s) {(age > 0 ? "ago" : "ahead of this server")}: " +
                        $"an answer works for {OfflineUnlock.ValidMinutes} minutes only. Ask the user for a new challenge (and, if the computer's clock is off, to correct it).",
                        "ChallengeExpired", ErrorCategory.InvalidData, Challenge));
                    return;
                }
                var answer = challenge.Answer(key, device.Id, upn);
                Array.Clear(key, 0, key.Length);
                Audit.Record($"issued an offline unlock code for {upn} on computer {device.Machine} (device {device.Id}), answering challenge " +
                    $"{challenge.Display} made at {DateTimeOffset.FromUnixTimeSeconds(challenge.IssuedUnix):u}");
                WriteObject(new OtpOfflineUnlockCode
                {
                    Upn = upn,
                    Machine = device.Machine,
                    DeviceId = device.Id,
                    Challenge = challenge.Display,
                    UnlockCode = OfflineUnlock.Group(answer),
                    ChallengeTime = DateTimeOffset.FromUnixTimeSeconds(challenge.IssuedUnix).UtcDateTime,
                    ValidUntil = DateTimeOffset.FromUnixTimeSeconds(challenge.IssuedUnix + OfflineUnlock.ValidMinutes * 60L).UtcDateTime,
                });
            });
        }
    }
}
