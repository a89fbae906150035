using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security.Claims;
using System.Text;
using Microsoft.Data.Sqlite;
using OtpNet;
using SecureMFA.Adapter;
using SecureMFA.Bench;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Events;
using SecureMFA.Core.Security;
using SecureMFA.Core.SignIn;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Sql;
using SecureMFA.Core.Totp;
using SecureMFA.Otp.Totp;
using SecureMFA.DemoHost;

var sections = args.Length == 0 ? new[] { "totp", "protect", "pbkdf2", "store", "adapter", "bulk", "webapi" } : args;
var work = Path.Combine(Path.GetTempPath(), "securemfa-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(work);
Console.WriteLine($"SecureMFA OTP benchmarks ({Environment.ProcessorCount} cores, .NET {Environment.Version})");
foreach (var section in sections)
{
    switch (section)
    {
        case "totp": Totp(); break;
        case "protect": Protect(); break;
        case "pbkdf2": KeyDerivation.Run(); break;
        case "store": Store(work); break;
        case "adapter": AdapterFlow(work); break;
        case "bulk": Bulk(work); break;
        case "webapi": WebApiLoad.Run(work).GetAwaiter().GetResult(); break;
        default: Console.Error.WriteLine($"unknown section {section}: totp, protect, pbkdf2, store, adapter, bulk, webapi"); return 2;
    }
}
return 0;

static void Totp()
{
    Console.WriteLine("TOTP verify, SHA1, 6 digits, window ±1, a valid code (current step):");
    var key = SharedSecret.NewKey();
    var now = DateTime.UtcNow;
    var code = TotpGenerator.Compute(key, TotpParameters.Default, now);
    var ours = new TotpVerifier(1);
    var otpNet = new OtpNet.Totp(key);
    var window = new VerificationWindow(1, 1);
    var a = Measure.PerSecond("SecureMFA TotpVerifier.Verify", _ => ours.Verify(key, code, TotpParameters.Default, now));
    var b = Measure.PerSecond("Otp.NET Totp.VerifyTotp", _ => otpNet.VerifyTotp(now, code, out long _, window));
    Console.WriteLine($"  ratio ours / Otp.NET: {a / b:N2}");
    var wrong = code == "000000" ? "000001" : "000000";
    Measure.PerSecond("SecureMFA TotpVerifier.Verify, wrong code (all 3 steps)", _ => ours.Verify(key, wrong, TotpParameters.Default, now));
    Measure.PerSecond("Otp.NET Totp.VerifyTotp, wrong code", _ => otpNet.VerifyTotp(now, wrong, out long _, window));
}

static void Protect()
{
    Console.WriteLine("Secrets at rest (AES-256-CBC + HMAC-SHA256, key derived once):");
    var watch = Stopwatch.StartNew();
    var protector = new EncryptedSecretProtector("Benchmark-Passphrase-" + Guid.NewGuid(), () => Guid.NewGuid().ToByteArray());
    protector.Prepare();
    Console.WriteLine($"  PBKDF2-HMAC-SHA256 key derivation, {PassphraseKey.Iterations:N0} iterations, once per process: {watch.Elapsed.TotalMilliseconds:N0} ms");
    var key = SharedSecret.NewKey();
    var stored = protector.Protect("alice@adatum.com", key);
    Measure.PerSecond("Protect", _ => protector.Protect("alice@adatum.com", key));
    Measure.PerSecond("Unprotect", _ => protector.Unprotect("alice@adatum.com", stored));
}

static void Store(string work)
{
    Console.WriteLine("SQLite store (file on disk, WAL, synchronous=FULL), one user, successful verifications:");
    var path = Path.Combine(work, "store.db");
    var store = SqliteStoreFactory.Open(path);
    var config = ConfigurationLoader.LoadOrThrow($"{{ \"auth_mode\": \"SQLITE\", \"sqlite_path\": \"{path}\", \"data_encryption\": \"true\", \"data_encryption_passphrase\": \"Benchmark-Passphrase-1\" }}");
    var protector = SecretProtectors.For(config, store);
    var key = SharedSecret.NewKey();
    store.Create(new NewOtpUser("bench@adatum.com", protector.Protect("bench@adatum.com", key), TotpParameters.Default));

    var start = DateTime.UtcNow;
    var codes = Enumerable.Range(0, 400_000).Select(i => TotpGenerator.Compute(key, TotpParameters.Default, start.AddSeconds(30.0 * i))).ToArray();
    var step = 0;
    var signInClock = new StepClock(start);
    var signIn = new OtpSignIn(config, store, protector, new NullEvents(), signInClock);
    // Each call uses the next time step: a step is accepted once, so replaying one would (rightly) fail.
    Measure.PerSecond("OtpSignIn.Verify: find + decrypt + verify + atomic success", _ =>
    {
        step++;
        signInClock.Step = step;
        if (signIn.Verify("bench@adatum.com", codes[step], null, "bench").Outcome != VerifyOutcome.Success) throw new InvalidOperationException("verification failed");
    });
    var next = 1_000_000_000_000L; // beyond every step the loop above accepted
    Measure.PerSecond("store.RecordSuccess alone (one atomic UPDATE, committed)", _ =>
    {
        if (store.RecordSuccess("bench@adatum.com", next++, new LogonAttempt(DateTime.UtcNow, null, null)) != SuccessOutcome.Accepted)
            throw new InvalidOperationException("not accepted");
    });

    Measure.PerSecond("store.Find alone (one SELECT)", _ => store.Find("bench@adatum.com"));

    using var connection = new SqliteConnection($"Data Source={path}");
    connection.Open();
    Measure.PerSecond("bare SELECT by upn + UPDATE logoncount (same table)", _ =>
    {
        using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT secret, lasttimestep FROM Secrets WHERE upn = 'bench@adatum.com'";
            using var reader = select.ExecuteReader();
            reader.Read();
        }
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE Secrets SET logoncount = logoncount + 1 WHERE upn = 'bench@adatum.com'";
        update.ExecuteNonQuery();
    });
}

static void AdapterFlow(string work)
{
    Console.WriteLine("Adapter through the AD FS interfaces (SQLite store, encryption on, offline QR):");
    var path = Path.Combine(work, "adapter.db");
    var json = $"{{ \"company\": \"Adatum\", \"auth_mode\": \"SQLITE\", \"sqlite_path\": \"{path}\", \"data_encryption\": \"true\", \"data_encryption_passphrase\": \"Benchmark-Passphrase-2\" }}";
    var start = DateTime.UtcNow;
    var step = 0;
    var adapterClock = new StepClock(start);
    var adapter = new OtpAuthenticationAdapter(new NullEvents(), adapterClock);
    adapter.OnAuthenticationPipelineLoad(new DemoConfigData(new MemoryStream(Encoding.UTF8.GetBytes(json))));
    Measure.PerSecond("BeginAuthentication, new user (secret, encrypt, insert, QR PNG)", i =>
    {
        var page = (Microsoft.IdentityServer.Web.Authentication.External.IAdapterPresentationForm)adapter.BeginAuthentication(
            new Claim(AdapterMetadata.UpnClaimType, $"new{i}-{Guid.NewGuid():N}@adatum.com"), null!, new DemoAuthenticationContext("a", "c", 1033));
        if (page.GetFormHtml(1033).Length < 1000) throw new InvalidOperationException("no enrolment page");
    });

    var context = new DemoAuthenticationContext("a", "c", 1033);
    var begin = (Microsoft.IdentityServer.Web.Authentication.External.IAdapterPresentationForm)adapter.BeginAuthentication(new Claim(AdapterMetadata.UpnClaimType, "end@adatum.com"), null!, context);
    var secret = System.Text.RegularExpressions.Regex.Match(begin.GetFormHtml(1033), "<code id=\"manualKey\">([^<]*)</code>").Groups[1].Value.Replace(" ", "");
    var key = SharedSecret.FromBase32(secret);
    var codes = Enumerable.Range(0, 400_000).Select(i => TotpGenerator.Compute(key, TotpParameters.Default, start.AddSeconds(30.0 * i))).ToArray();
    Measure.PerSecond("TryEndAuthentication, correct code (claim issued)", _ =>
    {
        step++;
        adapterClock.Step = step;
        var proof = new DemoProofData(new Dictionary<string, object> { ["otpCode"] = codes[step] });
        adapter.TryEndAuthentication(context, proof, null!, out var claims);
        if (claims.Length != 1) throw new InvalidOperationException("no claim");
    });
    adapter.OnAuthenticationPipelineUnload();
}

static void Bulk(string work)
{
    Console.WriteLine("Bulk creation through the cmdlet pipeline (Import-Csv-style rows | New-xOTP_User), SQLite, encryption on:");
    var config = Path.Combine(work, "bulk.json");
    File.WriteAllText(config, $"{{ \"auth_mode\": \"SQLITE\", \"sqlite_path\": \"{Path.Combine(work, "bulk.db")}\", \"data_encryption\": \"true\", \"data_encryption_passphrase\": \"Benchmark-Passphrase-3\" }}");
    var manifest = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "artifacts", "module", "SecureMFA_OTP", "SecureMFA_OTP.psd1"));
    using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
    runspace.Open();
    using (var import = PowerShell.Create()) { import.Runspace = runspace; import.AddScript($"Import-Module '{manifest}'").Invoke(); }
    using var shell = PowerShell.Create();
    shell.Runspace = runspace;
    shell.AddScript($"$rows = 1..10000 | ForEach-Object {{ [pscustomobject]@{{ Upn = \"user$_@adatum.com\"; Department = 'Sales' }} }}; " +
                    $"$created = $rows | New-xOTP_User -ConfigurationFilePath '{config}'; $created.Count");
    var watch = Stopwatch.StartNew();
    var output = shell.Invoke();
    var seconds = watch.Elapsed.TotalSeconds;
    if (shell.HadErrors) throw new InvalidOperationException(string.Join("; ", shell.Streams.Error));
    Console.WriteLine($"  10,000 rows -> {output.Single()} users created in {seconds:N2} s (incl. building the rows and the one-time key derivation)");
}

/// <summary>Events go nowhere during measurement.</summary>
sealed class NullEvents : IEventSink
{
    public void Write(OtpEventId id, EventLevel level, string message) { }
}
