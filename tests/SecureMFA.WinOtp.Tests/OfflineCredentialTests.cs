using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using SecureMFA.Otp.Protocol;
using SecureMFA.WinOtp.Logon;
using SecureMFA.WinOtp.LogonSimulator;
using SecureMFA.WinOtp.Offline;
using SecureMFA.WinOtp.Settings;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>
    /// Issue 19 on the client: the offline entry the user adds once per computer (finding 1), a revoked device that stops
    /// (finding 4), and an offline lockout the clock cannot undo (finding 5).
    /// </summary>
    public sealed class OfflineCredentialTests : IDisposable
    {
        private readonly WinOtpHarness _h = new WinOtpHarness();
        private readonly string _state = Path.Combine(Path.GetTempPath(), "winotp-offline-entry", Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_state)) Directory.Delete(_state, true);
        }

        private async Task<string> Simulate(string stdin, params string[] args)
        {
            var output = new StringWriter();
            await SimulatorApp.RunAsync(new[] { "--state", _state, "--machine", "PC42" }.Concat(args).ToArray(), new StringReader(stdin), output, new StringWriter(), false, _ => _h.Api, _h.Clock);
            return output.ToString();
        }

        [Fact]
        public void AnEntryStoredWithoutWindowsVerdictIsStillOfferedAtTheFirstSignInWindowsAccepts()
        {
            _h.Register();
            // LogonUI never reports this one (CredUI): the device wrap is armed, the entry not shown.
            var unreported = _h.SignIn(_h.Code());
            Assert.Equal(LogonOutcome.Accepted, unreported.Outcome);
            Assert.Equal(VaultForm.Device, _h.OfflineVault().Describe(WinOtpHarness.Upn, _h.Device()).Form);
            Assert.Null(unreported.OfflineEnrolment);

            _h.NextStep();
            var reported = _h.SignInAndAccept(_h.Code());
            Assert.NotNull(reported.OfflineEnrolment);
            Assert.Contains(Base32(_h.OfflineSecret()), reported.OfflineEnrolment!.OtpAuthUri);

            // Shown once: the next sign-in Windows accepts offers it no more, whether reported or not.
            _h.NextStep();
            Assert.Null(_h.SignIn(_h.Code()).OfflineEnrolment);
            _h.NextStep();
            Assert.Null(_h.SignInAndAccept(_h.Code()).OfflineEnrolment);
        }

        [Fact]
        public async Task ASyncLeavesTheEntryToTheNextSignInWindowsAccepts()
        {
            _h.Register();
            var synced = await _h.Coordinator().SyncForOfflineAsync("alice", _h.Code());
            Assert.Equal(LogonOutcome.Synced, synced.Outcome);
            Assert.Null(synced.OfflineEnrolment);

            _h.NextStep();
            Assert.NotNull(_h.SignInAndAccept(_h.Code()).OfflineEnrolment);
        }

        [Fact]
        public async Task AfterTheFirstArmingTheSimulatorShowsTheOfflineEntryAsAQrCodeThatDecodesToItsKeyUri()
        {
            var first = await Simulate("alice\n" + WinOtpHarness.Password + "\n" + _h.Code() + "\n", "--api", FakeWebApi.Endpoint, "--register", _h.Api.Bootstrap, "--offline-days", "7");
            Assert.EndsWith("RESULT Accepted" + Environment.NewLine, first);
            Assert.Contains("To sign in here without a network, add this computer to your authenticator app", first);
            Assert.Contains("\"Adatum offline (PC42)\"", first);

            var deviceId = _h.Api.Devices.Keys.Single();
            var offlineSecret = OfflineSecret.Derive(WinOtpHarness.Secret, deviceId);
            var key = Base32(offlineSecret);
            var expected = "otpauth://totp/Adatum%20offline%20%28PC42%29:alice%40adatum.labnet?secret=" + key + "&issuer=Adatum%20offline%20%28PC42%29&algorithm=SHA1&digits=6&period=30";
            Assert.Equal(expected, DecodeQr(first));
            // The key to type instead: the same Base32 in groups of four, and never the user's own secret.
            Assert.Contains(string.Join(" ", Enumerable.Range(0, 8).Select(i => key.Substring(i * 4, 4))), first);
            Assert.DoesNotContain(Base32(WinOtpHarness.Secret), first);

            // The same secret is not offered again at the next online sign-in.
            _h.NextStep();
            var second = await Simulate("alice\n" + WinOtpHarness.Password + "\n" + _h.Code() + "\n");
            Assert.EndsWith("RESULT Accepted" + Environment.NewLine, second);
            Assert.DoesNotContain("add this computer to your authenticator app", second);

            // Offline, the codes of that entry sign in; the user's usual codes do not, and the tile names the entry.
            _h.Api.Mode = FakeApiMode.Down;
            _h.NextStep();
            var usual = await Simulate("alice\n" + WinOtpHarness.Password + "\n" + _h.Code() + "\n");
            Assert.EndsWith("RESULT Rejected" + Environment.NewLine, usual);
            Assert.Contains("type the code from Adatum offline (PC42) in your authenticator app", usual);
            Assert.EndsWith("RESULT AcceptedOffline" + Environment.NewLine, await Simulate("alice\n" + WinOtpHarness.Password + "\n" + _h.OfflineCodeOfApiDevice() + "\n"));
        }

        [Fact]
        public async Task TheEntryIsShownAgainOnlyWithAFreshCodeAndThePasswordTheVaultIsLockedUnder()
        {
            await Simulate("", "--api", FakeWebApi.Endpoint, "--register", _h.Api.Bootstrap, "--offline-days", "7");
            // No vault yet: a code alone (what a sync proves) does not show it.
            var before = await Simulate("alice\n" + WinOtpHarness.Password + "\n" + _h.Code() + "\n", "--offline-entry");
            Assert.EndsWith("RESULT Rejected" + Environment.NewLine, before);
            Assert.Contains(TileText.English.EntryNeedsPassword, before);

            _h.NextStep();
            await Simulate("alice\n" + WinOtpHarness.Password + "\n" + _h.Code() + "\n");
            _h.NextStep();
            var wrongPassword = await Simulate("alice\nnot-the-password\n" + _h.Code() + "\n", "--offline-entry");
            Assert.EndsWith("RESULT Rejected" + Environment.NewLine, wrongPassword);
            Assert.DoesNotContain("otpauth", wrongPassword);
            _h.NextStep();
            var wrongCode = await Simulate("alice\n" + WinOtpHarness.Password + "\n" + _h.OfflineCodeOfApiDevice() + "\n", "--offline-entry");
            Assert.EndsWith("RESULT Rejected" + Environment.NewLine, wrongCode);

            _h.NextStep();
            var shown = await Simulate("alice\n" + WinOtpHarness.Password + "\n" + _h.Code() + "\n", "--offline-entry");
            Assert.EndsWith("RESULT Synced" + Environment.NewLine, shown);
            Assert.Contains("secret=" + Base32(OfflineSecret.Derive(WinOtpHarness.Secret, _h.Api.Devices.Keys.Single())) + "&", DecodeQr(shown));
            // The API down: nothing to show.
            _h.Api.Mode = FakeApiMode.Down;
            _h.NextStep();
            Assert.Contains(TileText.English.EntryNeedsNetwork, await Simulate("alice\n" + WinOtpHarness.Password + "\n" + _h.Code() + "\n", "--offline-entry"));
        }

        [Fact]
        public void AVaultOfTheEarlierFormatIsDeletedAtFirstUse()
        {
            var device = _h.Register();
            var name = VaultFileName.For(WinOtpHarness.Upn);
            _h.Vault.Files[name] = Encoding.UTF8.GetBytes("SMFA-WINOTP-VAULT 1\nupn alice@adatum.labnet\ngeneration 4\nform password\n");
            _h.Registry.SetValue(SettingNames.VaultGenerationsKey, VaultFileName.Stem(WinOtpHarness.Upn), 4L);
            _h.Api.Mode = FakeApiMode.Down;
            var result = _h.SignIn(_h.OfflineCode());
            Assert.Equal(LogonOutcome.Unavailable, result.Outcome);
            Assert.Equal(TileText.English.Outdated, result.Message);
            Assert.Empty(_h.Vault.Files);
            Assert.Equal(5L, _h.Registry.GetValue(SettingNames.VaultGenerationsKey, VaultFileName.Stem(WinOtpHarness.Upn)));
            Assert.Contains(_h.Events.Messages(Events.WinOtpEventId.OfflineRefused), m => m.Contains("earlier format"));
            Assert.NotNull(device);
        }

        [Fact]
        public async Task ASignedRevocationDeletesEveryVaultAndNoCodeIsCheckedHereAnyMore()
        {
            var device = _h.Register();
            _h.Api.AddUser("bob@adatum.labnet", Encoding.ASCII.GetBytes("bob-secret-0123456789"));
            _h.SignInAndAccept(_h.Code());
            var bob = _h.Coordinator();
            var bobResult = await bob.SignInAsync(new LogonRequest(Decision.LogonScenario.Rdp, "bob", "Bob-Password-1", _h.Api.CodeFor("bob@adatum.labnet")));
            await bob.ReportWindowsResult(bobResult, true);
            Assert.Equal(2, _h.Vault.Files.Count);

            _h.Api.Revoked.Add(device.DeviceId);
            _h.NextStep();
            var revoked = _h.SignIn(_h.Code());
            Assert.Equal(LogonOutcome.Revoked, revoked.Outcome);
            Assert.False(revoked.MayProceed);
            Assert.Equal("This computer's registration was revoked by your administrator: sign-in with a code is not possible here. Contact your help desk.", revoked.Message);
            Assert.Empty(_h.Vault.Files);
            Assert.Contains(_h.Events.Messages(Events.WinOtpEventId.ProviderFailed), m => m.Contains("was revoked by an administrator: 2 offline vault(s) deleted"));

            // Offline too: with the API down, nothing is checked; the API is not asked either.
            _h.Api.Mode = FakeApiMode.Down;
            var requests = _h.Api.Requests.Count;
            var offline = _h.SignIn(_h.OfflineCodeOfApiDevice(deviceId: device.DeviceId));
            Assert.Equal(LogonOutcome.Revoked, offline.Outcome);
            Assert.Equal(requests, _h.Api.Requests.Count);
        }

        [Fact]
        public void AnUnsignedOrForgedRevocationIsAnUnreachableApiAndTheVaultsStay()
        {
            var device = _h.Register();
            _h.SignInAndAccept(_h.Code());
            _h.Clock.Advance(TimeSpan.FromMinutes(5));
            _h.Api.Mode = FakeApiMode.ForgeRevoked;
            Assert.Equal(LogonOutcome.AcceptedOffline, _h.SignIn(_h.OfflineCode()).Outcome);
            Assert.Single(_h.Vault.Files);

            _h.NextStep();
            _h.Api.Revoked.Add(device.DeviceId);
            _h.Api.Mode = FakeApiMode.StripSignature;
            Assert.Equal(LogonOutcome.AcceptedOffline, _h.SignIn(_h.OfflineCode()).Outcome);
            Assert.Single(_h.Vault.Files);
            Assert.Null(_h.Registry.GetValue(SettingNames.DeviceKeyName, SettingNames.DeviceRevoked));
        }

        /// <summary>
        /// Before: each forward jump of the clock ended the lock and bought a guess, and the clock could then be put back.
        /// Now: a lock runs from the highest time seen, the clock cannot go back before it, a jump spends validity, and
        /// after win_offline_max_failures wrong codes since the last online contact even the right code needs the network.
        /// </summary>
        [Fact]
        public void MovingTheClockForwardAndBackDoesNotBuyGuesses()
        {
            var device = _h.Register();
            _h.SignInAndAccept(_h.Code());
            var vault = _h.OfflineVault();
            var policy = _h.Policy(validDays: 7, failures: 5, minutes: 5, maxSinceOnline: 10);
            var start = _h.Clock.UtcNow;
            _h.Clock.Advance(TimeSpan.FromMinutes(1));
            for (var i = 0; i < 5; i++) vault.Verify(WinOtpHarness.Upn, device, WinOtpHarness.Password, "000000", policy);
            Assert.Equal(OfflineOutcome.Locked, vault.Verify(WinOtpHarness.Upn, device, WinOtpHarness.Password, _h.OfflineCode(), policy).Outcome);

            // Forward past the lock: one guess, which locks again from the new time.
            _h.Clock.Advance(TimeSpan.FromHours(6));
            var jumped = vault.Verify(WinOtpHarness.Upn, device, WinOtpHarness.Password, "000000", policy);
            Assert.Equal(OfflineOutcome.Rejected, jumped.Outcome);
            Assert.Equal(_h.Clock.UtcNow.AddMinutes(5), jumped.LockedUntil);

            // Back to the real time: refused, not read as "the lock ended" nor as a fresh start.
            _h.Clock.UtcNow = start.AddMinutes(30);
            Assert.Equal(OfflineOutcome.ClockBehind, vault.Verify(WinOtpHarness.Upn, device, WinOtpHarness.Password, _h.OfflineCode(), policy).Outcome);

            // Keep jumping forward, 6 minutes a guess: the cap ends it at 10 wrong codes since the last online contact.
            _h.Clock.UtcNow = start.AddHours(6).AddMinutes(2);
            var guesses = 0;
            for (var i = 0; i < 50; i++)
            {
                _h.Clock.Advance(TimeSpan.FromMinutes(6));
                var check = vault.Verify(WinOtpHarness.Upn, device, WinOtpHarness.Password, "000000", policy);
                if (check.Outcome == OfflineOutcome.NeedsOnline) break;
                Assert.Equal(OfflineOutcome.Rejected, check.Outcome);
                guesses++;
            }
            Assert.Equal(10 - 6, guesses);
            _h.Clock.Advance(TimeSpan.FromMinutes(6));
            Assert.Equal(OfflineOutcome.NeedsOnline, vault.Verify(WinOtpHarness.Upn, device, WinOtpHarness.Password, _h.OfflineCode(), policy).Outcome);
            Assert.Equal(10, vault.Describe(WinOtpHarness.Upn, device).OfflineFailures);

            // An online sign-in opens it again (a new package: a new count).
            _h.NextStep();
            Assert.Equal(LogonOutcome.Accepted, _h.SignInAndAccept(_h.Code()).Outcome);
            _h.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(OfflineOutcome.Accepted, vault.Verify(WinOtpHarness.Upn, device, WinOtpHarness.Password, _h.OfflineCode(), policy).Outcome);
        }

        /// <summary>Reads the half-block QR code from the simulator's output, draws it as a PBM image and decodes it with zbarimg.</summary>
        private string DecodeQr(string output)
        {
            var rows = output.Split('\n').Where(l => l.Length > 20 && l.All(c => c == HalfBlockQrCode.BothLight || c == HalfBlockQrCode.TopLight || c == HalfBlockQrCode.BottomLight || c == HalfBlockQrCode.BothDark)).ToList();
            Assert.NotEmpty(rows);
            const int scale = 6;
            var width = rows[0].Length;
            var height = rows.Count * 2;
            var image = new StringBuilder("P1\n" + (width * scale) + " " + (height * scale) + "\n");
            for (var y = 0; y < height; y++)
            {
                var line = new StringBuilder();
                for (var x = 0; x < width; x++)
                {
                    var c = rows[y / 2][x];
                    var light = y % 2 == 0 ? c == HalfBlockQrCode.BothLight || c == HalfBlockQrCode.TopLight : c == HalfBlockQrCode.BothLight || c == HalfBlockQrCode.BottomLight;
                    for (var s = 0; s < scale; s++) line.Append(light ? "0 " : "1 ");
                }
                for (var s = 0; s < scale; s++) image.Append(line).Append('\n');
            }
            Directory.CreateDirectory(_state);
            var file = Path.Combine(_state, "qr.pbm");
            File.WriteAllText(file, image.ToString());
            var info = new ProcessStartInfo("zbarimg", "--raw -q " + file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var zbar = Process.Start(info)!;
            var text = zbar.StandardOutput.ReadToEnd();
            zbar.WaitForExit();
            Assert.True(zbar.ExitCode == 0, "zbarimg found no QR code: " + zbar.StandardError.ReadToEnd());
            return text.TrimEnd('\n');
        }

        private static string Base32(byte[] data)
        {
            const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            var bits = string.Concat(data.Select(b => Convert.ToString(b, 2).PadLeft(8, '0')));
            bits = bits.PadRight((bits.Length + 4) / 5 * 5, '0');
            return string.Concat(Enumerable.Range(0, bits.Length / 5).Select(i => alphabet[Convert.ToInt32(bits.Substring(i * 5, 5), 2)]));
        }
    }
}
