using System;
using System.Text;
using SecureMFA.Otp.Time;
using SecureMFA.Testing;
using SecureMFA.WinOtp.Api;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Device;
using SecureMFA.WinOtp.Logon;
using SecureMFA.WinOtp.Offline;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Settings;

namespace SecureMFA.WinOtp.Tests.Fakes
{
    /// <summary>
    /// One simulated Windows computer: registry, DPAPI, clock, events, session and vault folder as fakes, talking to
    /// a <see cref="FakeWebApi"/>. Shared by the net10.0 tests and the net472 Mono check.
    /// </summary>
    public sealed class WinOtpHarness
    {
        public const string Upn = "alice@adatum.labnet";
        public const string Password = "Winter2026!correct";
        /// <summary>The RFC 6238 test key.</summary>
        public static readonly byte[] Secret = Encoding.ASCII.GetBytes("12345678901234567890");

        public WinOtpHarness(int passwordIterations = 1000)
        {
            Clock = VariableClock.AtDocumentTime();
            Api = new FakeWebApi(Clock);
            Api.AddUser(Upn, Secret);
            Instance = new FakeSessionInstance(Clock);
            PasswordIterations = passwordIterations;
            Configure(SettingNames.AnchorDnsName, "adatum.labnet");
            Configure(SettingNames.ApiEndpoint, FakeWebApi.Endpoint);
            Configure(SettingNames.RdpOnly, 0);
            Configure(SettingNames.OfflineValidDays, 7);
        }

        public FakeRegistry Registry { get; } = new FakeRegistry();
        public FakeMachineProtection Protection { get; } = new FakeMachineProtection();
        public VariableClock Clock { get; }
        public RecordingEventLog Events { get; } = new RecordingEventLog();
        public FakeSession Session { get; } = new FakeSession();
        public MemoryVaultFiles Vault { get; } = new MemoryVaultFiles();
        public FakeWebApi Api { get; }
        public FakeAccounts Accounts { get; } = new FakeAccounts();
        public FakeSessionInstance Instance { get; }
        public int PasswordIterations { get; }

        public void Configure(string name, object value) => Registry.SetValue("", name, value);

        /// <summary>Where the coordinator's background work runs: inline unless a test holds it (see <see cref="HeldWork"/>).</summary>
        public Func<Action, System.Threading.Tasks.Task> Background { get; set; } = work =>
        {
            work();
            return System.Threading.Tasks.Task.FromResult(0);
        };

        /// <summary>A Background that only collects the work, to show a caller did not wait for it.</summary>
        public System.Collections.Generic.List<Action> HeldWork { get; } = new System.Collections.Generic.List<Action>();

        public void HoldBackgroundWork() => Background = work =>
        {
            HeldWork.Add(work);
            return System.Threading.Tasks.Task.FromResult(0);
        };

        public WinOtpPlatform Platform() => new WinOtpPlatform(Registry, Protection, Clock, Events, Session, Vault, _ => Handler ?? Api, "PC1")
        {
            PasswordIterations = PasswordIterations,
            Background = Background,
            VaultLockWait = VaultLockWait,
            Accounts = Accounts,
            Instance = Instance,
            UiLanguage = () => Language,
        };

        /// <summary>The session's UI language: en-US unless a test says otherwise, so no test depends on the machine's culture.</summary>
        public System.Globalization.CultureInfo Language { get; set; } = System.Globalization.CultureInfo.GetCultureInfo("en-US");

        /// <summary>The HTTP handler the coordinator's client uses; the fake API unless a test puts another in front of it.</summary>
        public System.Net.Http.HttpMessageHandler? Handler { get; set; }
        public TimeSpan VaultLockWait { get; set; } = Offline.OfflineVault.DefaultLockWait;

        public LogonCoordinator Coordinator() => new LogonCoordinator(Platform());

        public WinOtpSettings Settings() => SettingsReader.Read(Registry).Settings ?? throw new InvalidOperationException("The harness settings are not valid.");

        public DeviceCredentials Register()
        {
            var (registered, message) = DeviceRegistration.RegisterAsync(Platform(), Settings(), Api.Bootstrap, "S-1-5-21-1-2-3").GetAwaiter().GetResult();
            if (!registered) throw new InvalidOperationException(message);
            return Device();
        }

        public DeviceCredentials Device() => new DeviceStore(Registry, Protection).Load(out var problem) ?? throw new InvalidOperationException(problem);

        public OfflineVault OfflineVault() => new OfflineVault(Vault, Registry, Protection, Clock, PasswordIterations);

        /// <summary>A client of the fake API, as this computer's coordinator makes one (the harness clock unless told).</summary>
        public WebApiClient Client(int timeoutMs = 5000, IClock? clock = null, Func<string>? nonceSource = null) =>
            new WebApiClient(ApiEndpoint.Parse(FakeWebApi.Endpoint), Api, TimeSpan.FromMilliseconds(timeoutMs), clock ?? Clock, nonceSource);

        public OfflinePolicy Policy(int validDays = 7, int failures = 5, int minutes = 5, int maxSinceOnline = OfflinePolicy.DefaultMaxFailuresSinceOnline) =>
            new OfflinePolicy(validDays, failures, minutes, maxSinceOnline);

        public LogonResult SignIn(string code, string password = Password, string user = "alice", LogonScenario scenario = LogonScenario.Rdp) =>
            Coordinator().SignInAsync(new LogonRequest(scenario, user, password, code)).GetAwaiter().GetResult();

        /// <summary>Online sign-in that Windows accepts, so the offline data is stored.</summary>
        public LogonResult SignInAndAccept(string code, string password = Password)
        {
            var coordinator = Coordinator();
            var result = coordinator.SignInAsync(new LogonRequest(LogonScenario.Rdp, "alice", password, code)).GetAwaiter().GetResult();
            coordinator.ReportWindowsResult(result, true).GetAwaiter().GetResult();
            return result;
        }

        public string Code(int steps = 0) => Api.CodeFor(Upn, steps);

        /// <summary>The code the app shows for this computer's offline entry (the offline secret of alice on the registered device).</summary>
        public string OfflineCode(int steps = 0) => TestCodes.At(OfflineSecret(), TestCodes.Step(Clock.UtcNow) + steps);

        public byte[] OfflineSecret() => SecureMFA.Otp.Protocol.OfflineSecret.Derive(Secret, Device().DeviceId);

        /// <summary>The offline entry's code for a device registered elsewhere (a simulator's state folder): the fake API's only device unless named.</summary>
        public string OfflineCodeOfApiDevice(int steps = 0, string? deviceId = null) =>
            TestCodes.At(SecureMFA.Otp.Protocol.OfflineSecret.Derive(Secret, deviceId ?? System.Linq.Enumerable.Single(Api.Devices.Keys)), TestCodes.Step(Clock.UtcNow) + steps);

        /// <summary>Moves to the start of the next 30-second step, so a new code exists.</summary>
        public void NextStep() => Clock.NextStep();
    }
}
