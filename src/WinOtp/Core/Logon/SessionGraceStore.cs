using System;
using System.Collections.Generic;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Settings;

namespace SecureMFA.WinOtp.Logon
{
    /// <summary>
    /// Where the unlock grace's facts live: HKLM\Software\SecureMFA\SessionGrace, one REG_SZ per account SID
    /// ("session|unix ms|since boot ms|awake ms"), written by LogonUI (SYSTEM) after Windows accepted a code-verified
    /// sign-in. Why this place is safe:
    /// <list type="bullet">
    /// <item>the key gets the device key's explicit ACL (<see cref="IMachineRegistry.ProtectKey"/>: SYSTEM and
    /// Administrators, nothing inherited), so no user, signed in or not, can write themselves a grace or move one to another
    /// session; it is read only while that ACL holds (<see cref="IMachineRegistry.OthersWithAccess"/> empty), else ignored;</item>
    /// <item>not in LogonUI's memory: LogonUI ends after each sign-in and starts again at the next lock, so memory would
    /// remember nothing to the unlock; but a record that outlives a boot or a sleep is harmless, since the boot clocks in
    /// it (<see cref="GraceFacts.Allows"/>) no longer match then;</item>
    /// <item>it holds no secret: only who signed in where and when, which the Security log holds too.</item>
    /// </list>
    /// An administrator can write a record; an administrator can also uninstall the provider. Never throws.
    /// </summary>
    public sealed class SessionGraceStore
    {
        private readonly IMachineRegistry _registry;

        public SessionGraceStore(IMachineRegistry registry) => _registry = registry ?? throw new ArgumentNullException(nameof(registry));

        /// <summary>The account's last code-verified sign-in; null when none, unreadable, or the key is open to others (<paramref name="problem"/> says so).</summary>
        public SessionMoment? Last(string accountSid, out string? problem)
        {
            problem = null;
            try
            {
                var others = _registry.OthersWithAccess(SettingNames.SessionGraceKey);
                if (others == null) return null;
                if (others.Count > 0)
                {
                    problem = $"{SettingNames.RegistryPath}\\{SettingNames.SessionGraceKey} is open to {string.Join(", ", others)}; the unlock grace is not used until its ACL is SYSTEM and Administrators only (install again).";
                    return null;
                }
                var record = _registry.GetValue(SettingNames.SessionGraceKey, accountSid) as string;
                return record == null ? null : SessionMoment.FromRecord(accountSid, record);
            }
            catch (Exception e)
            {
                problem = $"the unlock grace's record cannot be read ({e.GetType().Name}: {e.Message})";
                return null;
            }
        }

        /// <summary>Records a code-verified sign-in; the problem when it could not be recorded (the next unlock then asks a code).</summary>
        public string? Record(SessionMoment signIn)
        {
            try
            {
                _registry.ProtectKey(SettingNames.SessionGraceKey);
                _registry.SetValue(SettingNames.SessionGraceKey, signIn.AccountSid, signIn.ToRecord());
                return null;
            }
            catch (Exception e) { return $"{e.GetType().Name}: {e.Message}"; }
        }
    }
}
