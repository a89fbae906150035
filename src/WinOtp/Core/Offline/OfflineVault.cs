using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using SecureMFA.Otp.Protocol;
using SecureMFA.Otp.Time;
using SecureMFA.Otp.Totp;
using SecureMFA.WinOtp.Api;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Settings;

namespace SecureMFA.WinOtp.Offline
{
    /// <summary>
    /// Offline sign-in for computers away from the network: per user, one file (<see cref="VaultCodec"/>) holding
    /// the API's offline package, its secret locked under DPAPI machine scope and (once Windows accepted the
    /// password) under PBKDF2 of the user's password, plus the state that must survive a reboot: the last
    /// accepted step, failures and lock.
    /// <para>
    /// Tampering: the file carries a MAC under a key only this registered device has, so an edited counter,
    /// step or date is refused as a whole, never read as "no failures". Deleting the file removes the offline
    /// data: no sign-in without it. Putting back an older copy (to undo failures or a lock) is caught by the
    /// generation kept apart in HKLM\Software\SecureMFA\VaultGenerations: a file older than it is refused.
    /// Undoing both at once takes the rights (administrator, or the disk of a computer without BitLocker) that
    /// could equally set win_rdponly or remove the credential provider: the vault does not pretend to stop that.
    /// </para>
    /// </summary>
    public sealed partial class OfflineVault
    {
        /// <summary>How far before the last online contact the clock may be (the API allows ±300 s of skew).</summary>
        public const int ClockToleranceSeconds = 300;
        /// <summary>
        /// How long an attempt waits for another process's attempt on the same vault (each holds the lock through one
        /// password check, well under a second each with 600,000 iterations) before it is refused as Busy.
        /// </summary>
        public static readonly TimeSpan DefaultLockWait = TimeSpan.FromSeconds(15);

        private readonly IVaultFiles _files;
        private readonly IMachineRegistry _registry;
        private readonly IMachineProtection _protection;
        private readonly IClock _clock;
        private readonly int _iterations;
        private readonly TimeSpan _lockWait;
        private readonly Action<byte[]> _wipe;

        /// <param name="passwordIterations">PBKDF2 iterations for new password locks; the default (600,000) is what ships. Stored in each file.</param>
        /// <param name="lockWait">How long to wait for another process's lock on a vault; <see cref="DefaultLockWait"/> unless given.</param>
        /// <param name="wipeSecret">How an opened secret is wiped once it is no longer needed: zeroed, unless given (a test passes one that also records it).</param>
        public OfflineVault(IVaultFiles files, IMachineRegistry registry, IMachineProtection protection, IClock clock, int passwordIterations = PasswordSeal.DefaultIterations,
            TimeSpan? lockWait = null, Action<byte[]>? wipeSecret = null)
        {
            _files = files ?? throw new ArgumentNullException(nameof(files));
            _registry = registry ?? throw new ArgumentNullException(nameof(registry));
            _protection = protection ?? throw new ArgumentNullException(nameof(protection));
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            if (passwordIterations < 1) throw new ArgumentOutOfRangeException(nameof(passwordIterations), passwordIterations, "PBKDF2 needs at least one iteration.");
            _iterations = passwordIterations;
            _lockWait = lockWait ?? DefaultLockWait;
            if (_lockWait < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(lockWait), lockWait, "The lock wait cannot be negative.");
            _wipe = wipeSecret ?? (secret => Array.Clear(secret, 0, secret.Length));
        }

        /// <summary>
        /// Checks an offline package the API sent with an accepted code: for this user, of the documented form, not
        /// expired at <paramref name="serverTime"/>, and unwrapping with this device's key. Returns the secret, or
        /// null with the reason.
        /// </summary>
        public static byte[]? OpenPackage(OfflinePackage package, string upn, DeviceCredentials device, long serverTime, out string problem)
        {
            problem = "";
            if (package.V != OfflinePackage.FormatVersion) problem = $"package version {package.V} is not {OfflinePackage.FormatVersion}";
            else if (!string.Equals(package.Upn, upn, StringComparison.Ordinal)) problem = $"the package is for '{package.Upn}', not '{upn}'";
            else if (!IsOneLine(package.Issuer)) problem = "the package's issuer is not one line of text";
            else if (!TryParameters(package.Alg, package.Digits, package.Period, out _)) problem = "the package's TOTP parameters are not valid";
            else if (package.ValidUntil <= serverTime) problem = "the package is already expired";
            else if (package.MaxFailures < 0 || package.LockoutMinutes < 0 || package.LastStep < 0) problem = "the package's lockout or step is negative";
            else if (RecoveryCodesProblem(package) is string recovery) problem = recovery;
            if (problem.Length > 0) return null;
            var secret = OfflineSecretWrap.Unwrap(device.Key, package);
            if (secret == null) problem = "the package does not unwrap with this device's key (altered, or for another device)";
            return secret;
        }

        /// <summary>Stores (or replaces) a user's vault locked under the password Windows has just accepted.</summary>
        public void StoreForPassword(string upn, DeviceCredentials device, OfflinePackage package, byte[] secret, long lastOnline, string password, string entry)
        {
            var record = FromPackage(upn, package, lastOnline, entry, OfflineEnrolment.CheckOf(secret));
            record.Form = VaultForm.Password;
            record.Iterations = _iterations;
            var sealedSecret = PasswordSeal.Seal(secret, password, upn, record.Alg, record.Digits, record.Period, _iterations);
            record.Secret = _protection.Protect(sealedSecret, Entropy(upn, VaultForm.Password));
            using (Lock(upn))
            {
                CarryOverUsedRecoveryCodes(record, device);
                Save(record, device);
            }
        }

        /// <summary>Stores (or replaces) a user's vault in the API's device wrap: a sync on the tile, where no password is typed.</summary>
        public void StoreForDevice(string upn, DeviceCredentials device, OfflinePackage package, long lastOnline, string entry, string entryCheck)
        {
            var record = FromPackage(upn, package, lastOnline, entry, entryCheck);
            record.Form = VaultForm.Device;
            record.Iterations = 0;
            record.Secret = _protection.Protect(Convert.FromBase64String(package.WrappedSecret), Entropy(upn, VaultForm.Device));
            using (Lock(upn))
            {
                CarryOverUsedRecoveryCodes(record, device);
                Save(record, device);
            }
        }

        /// <summary>
        /// True when the user's vault here does not hold this offline secret yet (no vault, another secret after a reset or
        /// a new registration, an unreadable one): the user has yet to add it to the authenticator app. Reads only.
        /// </summary>
        public bool IsNewEntry(string upn, DeviceCredentials device, byte[] offlineSecret)
        {
            var record = Load(upn, device, out _);
            return record == null || !string.Equals(record.EntryCheck, OfflineEnrolment.CheckOf(offlineSecret), StringComparison.Ordinal);
        }

        /// <summary>
        /// One offline attempt. Failures are written before this returns; if they cannot be, the attempt is refused.
        /// The whole attempt, from reading the vault to writing it back, holds the vault's cross-process lock: parallel
        /// sessions (each its own LogonUI process) take turns, so each failure is counted once and the lock falls
        /// exactly at the limit. If the lock cannot be taken within the wait, the attempt is refused as Busy and
        /// nothing is checked or counted.
        /// </summary>
        public OfflineCheck Verify(string upn, DeviceCredentials device, string? password, string? code, OfflinePolicy policy)
        {
            if (policy.ValidDays <= 0) return new OfflineCheck(OfflineOutcome.Off);
            // No file, nothing to count: no lock needed (and no vault folder made for it).
            if (_files.Read(VaultFileName.For(upn)) == null) return new OfflineCheck(OfflineOutcome.NoVault);
            using (var held = _files.TryLock(VaultFileName.For(upn), _lockWait))
            {
                if (held == null) return new OfflineCheck(OfflineOutcome.Busy);
                return VerifyHoldingLock(upn, device, password, code, policy);
            }
        }

        private OfflineCheck VerifyHoldingLock(string upn, DeviceCredentials device, string? password, string? code, OfflinePolicy policy)
        {
            var record = Load(upn, device, out var problem);
            if (record == null)
            {
                // The earlier format held the user's own secret: it must not stay on the disk.
                if (problem == OfflineOutcome.Outdated) RemoveHoldingLock(upn);
                return new OfflineCheck(problem);
            }

            // One instant for the whole attempt: the password check in between can take a good part of a second.
            var utcNow = _clock.UtcNow;
            var now = UnixTime.Seconds(utcNow);
            // The clock may not go back before the last online contact, nor before the latest time an attempt saw: a
            // forward jump (to end a lock early) cannot be undone afterwards, and it spends the validity period.
            if (now < Math.Max(record.LastOnline, record.HighestTime) - ClockToleranceSeconds) return new OfflineCheck(OfflineOutcome.ClockBehind);
            var latest = Math.Max(now, record.HighestTime);
            var validUntil = policy.ValidUntil(record.PackageValidUntil, record.LastOnline);
            if (latest > validUntil) return new OfflineCheck(OfflineOutcome.Expired) { ValidUntil = UnixTime.ToDateTime(validUntil) };
            if (policy.MaxFailuresSinceOnline > 0 && record.OfflineFailures >= policy.MaxFailuresSinceOnline) return new OfflineCheck(OfflineOutcome.NeedsOnline);
            if (record.LockedUntil > now) return new OfflineCheck(OfflineOutcome.Locked) { LockedUntil = UnixTime.ToDateTime(record.LockedUntil) };
            if (!TryParameters(record.Alg, record.Digits, record.Period, out var parameters)) return new OfflineCheck(OfflineOutcome.Tampered);
            if (TypedCode.Digits(code, parameters!.Digits) == null) return new OfflineCheck(OfflineOutcome.Malformed);

            var lockout = OfflineLockout.Stricter(record.PackageMaxFailures, record.PackageLockoutMinutes, policy.LoginFailures, policy.LockoutMinutes);
            // Whatever way this method is left, an opened secret is wiped, unless it was handed over to be re-locked.
            byte[]? secret = null;
            try
            {
                try { secret = OpenSecret(record, device, password); }
                catch (CryptographicException) { return new OfflineCheck(OfflineOutcome.Tampered); }
                if (secret == null) return record.Form == VaultForm.Password ? Fail(record, device, lockout, policy, latest, OfflineOutcome.PasswordMismatch) : new OfflineCheck(OfflineOutcome.Tampered);

                var outcome = OfflineCodeWindow.Check(secret, parameters, code, utcNow, record.LastStep, out var step);
                switch (outcome)
                {
                    case CodeWindowOutcome.Replay: return new OfflineCheck(OfflineOutcome.Replay);
                    case CodeWindowOutcome.Malformed: return new OfflineCheck(OfflineOutcome.Malformed);
                    case CodeWindowOutcome.NoMatch: return Fail(record, device, lockout, policy, latest, OfflineOutcome.Rejected);
                }
                record.LastStep = step;
                record.HighestTime = latest;
                record.Failures = 0;
                record.LockedUntil = 0;
                if (!TrySave(record, device)) return new OfflineCheck(OfflineOutcome.StorageFailed);
                var accepted = new OfflineCheck(OfflineOutcome.Accepted) { MatchedStep = step, ValidUntil = UnixTime.ToDateTime(validUntil) };
                if (record.Form == VaultForm.Device)
                {
                    // Handed over: the caller re-locks it under the password once Windows accepts that, and wipes it.
                    accepted.SecretToBind = secret;
                    secret = null;
                }
                return accepted;
            }
            finally
            {
                if (secret != null) _wipe(secret);
            }
        }

        /// <summary>
        /// True when the user's vault is locked under this password, which Windows accepted when the vault was stored:
        /// proof of the password without a Windows logon. Reads only, counts nothing; the caller asks it only after the
        /// API accepted a fresh code, so each try costs a code.
        /// </summary>
        public bool IsLockedUnder(string upn, DeviceCredentials device, string password)
        {
            if (string.IsNullOrEmpty(password)) return false;
            var record = Load(upn, device, out _);
            if (record == null || record.Form != VaultForm.Password) return false;
            byte[]? secret = null;
            try
            {
                secret = OpenSecret(record, device, password);
                return secret != null;
            }
            catch (CryptographicException) { return false; }
            finally
            {
                if (secret != null) _wipe(secret);
            }
        }

        /// <summary>After Windows accepted the password of a device-form offline sign-in: lock the secret under it from now on.</summary>
        public bool BindToPassword(string upn, DeviceCredentials device, byte[] secret, string password)
        {
            using (var held = _files.TryLock(VaultFileName.For(upn), _lockWait))
            {
                if (held == null) return false;
                var record = Load(upn, device, out _);
                if (record == null || record.Form != VaultForm.Device) return false;
                var sealedSecret = PasswordSeal.Seal(secret, password, upn, record.Alg, record.Digits, record.Period, _iterations);
                record.Form = VaultForm.Password;
                record.Iterations = _iterations;
                record.Secret = _protection.Protect(sealedSecret, Entropy(upn, VaultForm.Password));
                return TrySave(record, device);
            }
        }

        /// <summary>
        /// The API refused a code online: count it here too, and copy the API's lock, so pulling the network cable
        /// after an online lockout does not open a fresh round of offline guesses. Best effort: false when the vault
        /// is there but could not be updated (busy, refused as altered or rolled back, or not writable).
        /// </summary>
        public bool RecordOnlineRefusal(string upn, DeviceCredentials device, bool countFailure, DateTime? lockedUntil, OfflinePolicy policy)
        {
            var name = VaultFileName.For(upn);
            if (_files.Read(name) == null) return true;
            using (var held = _files.TryLock(name, _lockWait))
            {
                if (held == null) return false;
                var record = Load(upn, device, out _);
                if (record == null) return false;
                var now = UnixTime.Seconds(_clock.UtcNow);
                if (lockedUntil.HasValue) record.LockedUntil = Math.Max(record.LockedUntil, UnixTime.Seconds(lockedUntil.Value));
                if (countFailure)
                {
                    record.Failures++;
                    var lockout = OfflineLockout.Stricter(record.PackageMaxFailures, record.PackageLockoutMinutes, policy.LoginFailures, policy.LockoutMinutes);
                    if (lockout.IsOn && record.Failures >= lockout.MaxFailures) record.LockedUntil = Math.Max(record.LockedUntil, now + lockout.LockoutMinutes * 60L);
                }
                return TrySave(record, device);
            }
        }

        /// <summary>
        /// Deletes a user's offline data (the API said disabled or not enrolled, or no longer allows offline use) and
        /// moves the registry generation past it, so a copy of the deleted file is refused too. Throws when it cannot.
        /// </summary>
        public void Remove(string upn)
        {
            var name = VaultFileName.For(upn);
            if (_files.Read(name) == null) return;
            using (Lock(upn)) RemoveHoldingLock(upn);
        }

        /// <summary>
        /// Deletes every vault on this computer (the API said this device was revoked), each as <see cref="Remove"/> does;
        /// returns how many. Throws when one cannot be removed (the rest are still tried first).
        /// </summary>
        public int RemoveAll()
        {
            var removed = 0;
            Exception? failure = null;
            foreach (var name in _files.Names())
            {
                if (!name.EndsWith(VaultFileName.Extension, StringComparison.Ordinal)) continue;
                var stem = name.Substring(0, name.Length - VaultFileName.Extension.Length);
                try
                {
                    using (var held = _files.TryLock(name, _lockWait))
                    {
                        if (held == null) throw new IOException($"The offline data {name} is held by another sign-in for more than {(int)_lockWait.TotalSeconds} s.");
                        var existing = _files.Read(name);
                        if (existing == null) continue;
                        _registry.SetValue(SettingNames.VaultGenerationsKey, stem, Math.Max(AnchorOf(stem), VaultCodec.PeekGeneration(existing)) + 1);
                        _files.Delete(name);
                        removed++;
                    }
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { failure = failure ?? e; }
            }
            if (failure != null) throw new IOException($"Not every vault could be removed: {failure.Message}", failure);
            return removed;
        }

        private void RemoveHoldingLock(string upn)
        {
            var name = VaultFileName.For(upn);
            var existing = _files.Read(name);
            if (existing == null) return;
            _registry.SetValue(SettingNames.VaultGenerationsKey, VaultFileName.Stem(upn), Math.Max(Anchor(upn), VaultCodec.PeekGeneration(existing)) + 1);
            _files.Delete(name);
        }

        /// <summary>A reader's view: the file is replaced atomically, so no lock is taken.</summary>
        public VaultStatus Describe(string upn, DeviceCredentials device)
        {
            var record = Load(upn, device, out var problem);
            if (record == null) return new VaultStatus { Upn = upn, State = problem };
            return new VaultStatus
            {
                Upn = upn,
                State = OfflineOutcome.Accepted,
                Form = record.Form,
                Generation = record.Generation,
                LastOnline = UnixTime.ToDateTime(record.LastOnline),
                PackageValidUntil = UnixTime.ToDateTime(record.PackageValidUntil),
                Failures = record.Failures,
                OfflineFailures = record.OfflineFailures,
                Entry = record.Entry,
                LockedUntil = record.LockedUntil > 0 ? UnixTime.ToDateTime(record.LockedUntil) : (DateTime?)null,
            };
        }

        /// <param name="latest">The later of the clock and the highest time seen: a lock runs from there, so a clock set forward gains nothing.</param>
        private OfflineCheck Fail(VaultRecord record, DeviceCredentials device, OfflineLockout lockout, OfflinePolicy policy, long latest, OfflineOutcome outcome)
        {
            record.Failures++;
            record.OfflineFailures++;
            record.HighestTime = latest;
            DateTime? lockedUntil = null;
            if (lockout.IsOn && record.Failures >= lockout.MaxFailures)
            {
                record.LockedUntil = latest + lockout.LockoutMinutes * 60L;
                lockedUntil = UnixTime.ToDateTime(record.LockedUntil);
            }
            if (!TrySave(record, device)) return new OfflineCheck(OfflineOutcome.StorageFailed);
            var attemptsLeft = lockout.AttemptsLeft(record.Failures);
            if (policy.MaxFailuresSinceOnline > 0)
            {
                var beforeCap = Math.Max(0, policy.MaxFailuresSinceOnline - record.OfflineFailures);
                attemptsLeft = attemptsLeft.HasValue ? Math.Min(attemptsLeft.Value, beforeCap) : beforeCap;
            }
            return new OfflineCheck(outcome) { LockedUntil = lockedUntil, AttemptsLeft = attemptsLeft, Entry = record.Entry };
        }

        /// <summary>The vault's lock for a write that must not be skipped: an IOException when another holder keeps it past the wait.</summary>
        private IDisposable Lock(string upn) =>
            _files.TryLock(VaultFileName.For(upn), _lockWait)
            ?? throw new IOException($"The offline data of {upn} is held by another sign-in for more than {(int)_lockWait.TotalSeconds} s.");

        private byte[]? OpenSecret(VaultRecord record, DeviceCredentials device, string? password)
        {
            var blob = _protection.Unprotect(record.Secret, Entropy(record.Upn, record.Form));
            if (record.Form == VaultForm.Password)
            {
                if (string.IsNullOrEmpty(password)) return null;
                var secret = PasswordSeal.Open(blob, password!, record.Upn, record.Alg, record.Digits, record.Period, record.Iterations);
                Array.Clear(blob, 0, blob.Length);
                return secret;
            }
            return OfflineSecretWrap.Unwrap(device.Key, PackageOf(record, Convert.ToBase64String(blob)));
        }

        private VaultRecord? Load(string upn, DeviceCredentials device, out OfflineOutcome problem)
        {
            problem = OfflineOutcome.NoVault;
            var bytes = _files.Read(VaultFileName.For(upn));
            if (bytes == null) return null;
            if (VaultCodec.IsEarlierFormat(bytes)) { problem = OfflineOutcome.Outdated; return null; }
            var record = VaultCodec.Decode(bytes, upn, device.Key);
            if (record == null) { problem = OfflineOutcome.Tampered; return null; }
            if (record.Generation < Anchor(upn)) { problem = OfflineOutcome.RolledBack; return null; }
            return record;
        }

        private bool TrySave(VaultRecord record, DeviceCredentials device)
        {
            try
            {
                Save(record, device);
                return true;
            }
            catch (IOException) { return false; }
            catch (UnauthorizedAccessException) { return false; }
            catch (System.Security.SecurityException) { return false; }
        }

        /// <summary>
        /// File first, then the registry generation: a crash between the two leaves a file newer than the registry,
        /// which is accepted. The new generation is past the registry's and the replaced file's, so no copy of
        /// anything earlier is ever accepted again.
        /// </summary>
        private void Save(VaultRecord record, DeviceCredentials device)
        {
            var name = VaultFileName.For(record.Upn);
            record.Generation = Math.Max(Math.Max(record.Generation, Anchor(record.Upn)), VaultCodec.PeekGeneration(_files.Read(name))) + 1;
            _files.Write(name, VaultCodec.Encode(record, device.Key));
            _registry.SetValue(SettingNames.VaultGenerationsKey, VaultFileName.Stem(record.Upn), record.Generation);
        }

        private long Anchor(string upn) => AnchorOf(VaultFileName.Stem(upn));

        private long AnchorOf(string stem)
        {
            var value = _registry.GetValue(SettingNames.VaultGenerationsKey, stem);
            if (value is long qword) return qword;
            if (value is int dword) return dword;
            return 0;
        }

        private static VaultRecord FromPackage(string upn, OfflinePackage package, long lastOnline, string entry, string entryCheck) => new VaultRecord
        {
            Upn = upn,
            Issuer = package.Issuer,
            Entry = entry,
            EntryCheck = entryCheck,
            HighestTime = lastOnline,
            Alg = package.Alg,
            Digits = package.Digits,
            Period = package.Period,
            PackageValidUntil = package.ValidUntil,
            PackageLastStep = package.LastStep,
            PackageMaxFailures = package.MaxFailures,
            PackageLockoutMinutes = package.LockoutMinutes,
            LastOnline = lastOnline,
            LastStep = package.LastStep,
            RecoveryIterations = package.RecoveryCodes.Count > 0 ? package.RecoveryIterations : 0,
            RecoveryCodes = package.RecoveryCodes.Select(text => new VaultRecoveryCode(SecureMFA.Otp.Recovery.OfflineRecoveryCode.Parse(text)!)).ToList(),
        };

        private static OfflinePackage PackageOf(VaultRecord record, string wrappedSecret) => new OfflinePackage
        {
            V = OfflinePackage.FormatVersion,
            Upn = record.Upn,
            Issuer = record.Issuer,
            Alg = record.Alg,
            Digits = record.Digits,
            Period = record.Period,
            ValidUntil = record.PackageValidUntil,
            MaxFailures = record.PackageMaxFailures,
            LockoutMinutes = record.PackageLockoutMinutes,
            LastStep = record.PackageLastStep,
            WrappedSecret = wrappedSecret,
        };

        private static bool TryParameters(string alg, int digits, int period, out TotpParameters? parameters)
        {
            parameters = null;
            TotpAlgorithm algorithm;
            switch (alg)
            {
                case "SHA1": algorithm = TotpAlgorithm.SHA1; break;
                case "SHA256": algorithm = TotpAlgorithm.SHA256; break;
                case "SHA512": algorithm = TotpAlgorithm.SHA512; break;
                default: return false;
            }
            if ((digits != 6 && digits != 8) || period < 1 || period > 3600) return false;
            parameters = new TotpParameters(algorithm, digits, period);
            return true;
        }

        private static bool IsOneLine(string? text)
        {
            if (text == null) return false;
            foreach (var c in text) if (char.IsControl(c) || c == '\u2028' || c == '\u2029') return false;
            return true;
        }

        private static byte[] Entropy(string upn, VaultForm form) =>
            Encoding.UTF8.GetBytes($"SecureMFA WIN OTP vault\n{upn}\n{(form == VaultForm.Password ? "password" : "device")}");
    }
}
