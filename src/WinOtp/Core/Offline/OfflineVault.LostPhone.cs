using System;
using System.Collections.Generic;
using System.Linq;
using SecureMFA.Otp.Crypto;
using SecureMFA.Otp.Protocol;
using SecureMFA.Otp.Recovery;
using SecureMFA.WinOtp.Api;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.Offline
{
    // The lost phone, offline (docs/win-otp.md, "The lost phone"): recovery codes from the package, each once, reported at
    // the next online contact; and the help-desk challenge and its answer. Both count against the same offline lockout
    // as a wrong code, under the same cross-process lock, and neither opens the locked secret: Windows still checks the
    // password, as it does for every offline sign-in.
    public sealed partial class OfflineVault
    {
        /// <summary>The most recovery codes a package may carry (the server issues ten per user).</summary>
        public const int MaxRecoveryCodes = 20;

        /// <summary>A package's recovery codes are of the documented form and bounded, or why not (null when they are).</summary>
        private static string? RecoveryCodesProblem(OfflinePackage package)
        {
            if (package.RecoveryCodes.Count == 0) return null;
            if (package.RecoveryCodes.Count > MaxRecoveryCodes) return $"the package carries more than {MaxRecoveryCodes} recovery codes";
            if (package.RecoveryIterations < 1 || package.RecoveryIterations > OfflineRecoveryCode.MaxIterations)
                return $"the package's recovery-code iterations ({package.RecoveryIterations}) are not between 1 and {OfflineRecoveryCode.MaxIterations}";
            if (package.RecoveryCodes.Any(c => OfflineRecoveryCode.Parse(c) == null)) return "a recovery code in the package is not of the documented form";
            return null;
        }

        /// <summary>
        /// A new package replaces the vault, but a recovery code used here and not yet reported must stay used: the server
        /// still lists it as unused, so the new package carries it again. Matched by its report (the store's hash); one
        /// slow hash per pending code and package code, only while something is pending. Codes the package no longer
        /// carries were burnt or replaced at the server: nothing left to report.
        /// </summary>
        private void CarryOverUsedRecoveryCodes(VaultRecord fresh, DeviceCredentials device)
        {
            var old = Load(fresh.Upn, device, out _);
            if (old == null) return;
            foreach (var used in old.RecoveryCodes.Where(c => c.IsUsed))
            {
                var index = fresh.RecoveryCodes.FindIndex(c => !c.IsUsed && c.Code.Matches(used.Report!, fresh.RecoveryIterations));
                if (index >= 0) fresh.RecoveryCodes[index] = new VaultRecoveryCode(fresh.RecoveryCodes[index].Code, used.UsedAt, used.Report);
            }
        }

        /// <summary>
        /// A recovery code offline: accepted once if it is one of the package's unused codes; a wrong or used one counts like
        /// a wrong code. The accepted code is marked used with the store's hash of it, to report at the next online contact.
        /// </summary>
        public OfflineCheck VerifyRecoveryCode(string upn, DeviceCredentials device, string? typed, OfflinePolicy policy) =>
            Attempt(upn, device, policy, true, (record, latest, validUntil, lockout) =>
            {
                var code = RecoveryCodeText.Normalize(typed);
                if (code == null) return new OfflineCheck(OfflineOutcome.Malformed);
                var report = RecoveryCodeText.Hash(upn, code);
                // Every unused code is tried (no early exit), so the time taken says nothing about which one matched.
                var index = -1;
                for (var i = 0; i < record.RecoveryCodes.Count; i++)
                    if (!record.RecoveryCodes[i].IsUsed && record.RecoveryCodes[i].Code.Matches(report, record.RecoveryIterations) && index < 0) index = i;
                if (index < 0) return Fail(record, device, lockout, policy, latest, OfflineOutcome.Rejected);
                record.RecoveryCodes[index] = new VaultRecoveryCode(record.RecoveryCodes[index].Code, latest, report);
                return Succeed(record, device, validUntil, new OfflineCheck(OfflineOutcome.Accepted)
                {
                    RecoveryCodesLeft = record.RecoveryCodes.Count(c => !c.IsUsed),
                });
            });

        /// <summary>
        /// The help-desk challenge for this user here: the pending one while it has at least half its time left (a
        /// restarted LogonUI shows the same), else a new one from this vault generation, now, and a fresh nonce. Not
        /// refused while locked (the call takes minutes; the answer is checked only once the lock has ended).
        /// </summary>
        public OfflineCheck IssueUnlockChallenge(string upn, DeviceCredentials device, OfflinePolicy policy) =>
            Attempt(upn, device, policy, false, (record, latest, validUntil, lockout) =>
            {
                var now = UnixTime.Seconds(_clock.UtcNow);
                if (record.Unlock == null || now >= record.Unlock.IssuedAt + OfflineUnlock.ValidMinutes * 30L || now < record.Unlock.IssuedAt)
                {
                    var nonce = RandomBytes.Of(2);
                    record.Unlock = new PendingUnlock(now, record.Generation, (nonce[0] << 8) | nonce[1]);
                }
                record.HighestTime = latest;
                if (!TrySave(record, device)) return new OfflineCheck(OfflineOutcome.StorageFailed);
                var challenge = ChallengeOf(record.Unlock, device, upn);
                return new OfflineCheck(OfflineOutcome.Accepted)
                {
                    Challenge = challenge,
                    ValidUntil = UnixTime.ToDateTime(Math.Min(challenge.IssuedUnix + OfflineUnlock.ValidMinutes * 60L, validUntil)),
                };
            });

        /// <summary>
        /// The help desk's answer to the pending challenge: accepted once, within <see cref="OfflineUnlock.ValidMinutes"/>
        /// of the challenge; a wrong answer counts like a wrong code. Without a pending challenge, or after it expired,
        /// nothing can be right: refused, not counted (the tile offers a new challenge).
        /// </summary>
        public OfflineCheck VerifyUnlockAnswer(string upn, DeviceCredentials device, string? typed, OfflinePolicy policy) =>
            Attempt(upn, device, policy, true, (record, latest, validUntil, lockout) =>
            {
                if (OfflineUnlock.Normalize(typed) == null) return new OfflineCheck(OfflineOutcome.Malformed);
                var now = UnixTime.Seconds(_clock.UtcNow);
                if (record.Unlock == null) return new OfflineCheck(OfflineOutcome.NoChallenge);
                var challenge = ChallengeOf(record.Unlock, device, upn);
                if (now > challenge.IssuedUnix + OfflineUnlock.ValidMinutes * 60L)
                {
                    record.Unlock = null;
                    TrySave(record, device);
                    return new OfflineCheck(OfflineOutcome.NoChallenge);
                }
                if (!challenge.IsAnswer(device.Key, device.DeviceId, upn, typed)) return Fail(record, device, lockout, policy, latest, OfflineOutcome.Rejected);
                record.Unlock = null;
                return Succeed(record, device, validUntil, new OfflineCheck(OfflineOutcome.Accepted) { Challenge = challenge });
            });

        /// <summary>The store's hashes of the recovery codes used here offline and not yet reported (empty when none, or no readable vault).</summary>
        public IReadOnlyList<string> UnreportedRecoveryCodes(string upn, DeviceCredentials device)
        {
            var record = Load(upn, device, out _);
            return record == null ? new string[0] : record.RecoveryCodes.Where(c => c.IsUsed).Select(c => c.Report!).ToList();
        }

        /// <summary>After the server burnt them: the reported codes leave the vault. False when the vault could not be written (they are reported again).</summary>
        public bool ForgetReportedRecoveryCodes(string upn, DeviceCredentials device, IReadOnlyCollection<string> reported)
        {
            using (var held = _files.TryLock(VaultFileName.For(upn), _lockWait))
            {
                if (held == null) return false;
                var record = Load(upn, device, out _);
                if (record == null) return false;
                var removed = record.RecoveryCodes.RemoveAll(c => c.IsUsed && reported.Contains(c.Report!));
                return removed == 0 || TrySave(record, device);
            }
        }

        private static OfflineUnlock ChallengeOf(PendingUnlock pending, DeviceCredentials device, string upn) =>
            OfflineUnlock.Issue(device.Key, device.DeviceId, upn, pending.IssuedAt, pending.Generation, pending.Nonce);

        private OfflineCheck Succeed(VaultRecord record, DeviceCredentials device, long validUntil, OfflineCheck accepted)
        {
            record.Failures = 0;
            record.LockedUntil = 0;
            if (!TrySave(record, device)) return new OfflineCheck(OfflineOutcome.StorageFailed);
            accepted.ValidUntil = UnixTime.ToDateTime(validUntil);
            return accepted;
        }

        /// <summary>
        /// What every offline attempt checks first, holding the vault's lock: offline on, a vault that verifies, the clock
        /// not set back, not expired, the cap since the last online contact not reached, and (when asked) not locked.
        /// Then <paramref name="check"/> with the record, the later of now and the highest time seen, the validity end and
        /// the lockout policy.
        /// </summary>
        private OfflineCheck Attempt(string upn, DeviceCredentials device, OfflinePolicy policy, bool refuseWhileLocked,
            Func<VaultRecord, long, long, OfflineLockout, OfflineCheck> check)
        {
            if (policy.ValidDays <= 0) return new OfflineCheck(OfflineOutcome.Off);
            if (_files.Read(VaultFileName.For(upn)) == null) return new OfflineCheck(OfflineOutcome.NoVault);
            using (var held = _files.TryLock(VaultFileName.For(upn), _lockWait))
            {
                if (held == null) return new OfflineCheck(OfflineOutcome.Busy);
                var record = Load(upn, device, out var problem);
                if (record == null)
                {
                    if (problem == OfflineOutcome.Outdated) RemoveHoldingLock(upn);
                    return new OfflineCheck(problem);
                }
                var now = UnixTime.Seconds(_clock.UtcNow);
                if (now < Math.Max(record.LastOnline, record.HighestTime) - ClockToleranceSeconds) return new OfflineCheck(OfflineOutcome.ClockBehind);
                var latest = Math.Max(now, record.HighestTime);
                var validUntil = policy.ValidUntil(record.PackageValidUntil, record.LastOnline);
                if (latest > validUntil) return new OfflineCheck(OfflineOutcome.Expired) { ValidUntil = UnixTime.ToDateTime(validUntil) };
                if (policy.MaxFailuresSinceOnline > 0 && record.OfflineFailures >= policy.MaxFailuresSinceOnline) return new OfflineCheck(OfflineOutcome.NeedsOnline);
                if (refuseWhileLocked && record.LockedUntil > now) return new OfflineCheck(OfflineOutcome.Locked) { LockedUntil = UnixTime.ToDateTime(record.LockedUntil) };
                var lockout = OfflineLockout.Stricter(record.PackageMaxFailures, record.PackageLockoutMinutes, policy.LoginFailures, policy.LockoutMinutes);
                record.HighestTime = latest;
                return check(record, latest, validUntil, lockout);
            }
        }
    }
}
