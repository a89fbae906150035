using System;
using System.Globalization;
using System.Net;
using System.Threading;
using SecureMFA.DemoHost;

// dotnet run --project src/DemoHost [-- --port 5080] [--config SecureMfaOtpProvider.json] [--data .data] [--oidc-client "client_id=…;client_secret=…;redirect_uri=…"]
var options = new DemoServerOptions();
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--port":
            var port = Value();
            if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > 65535)
            {
                Console.Error.WriteLine($"--port: \"{port}\" is not a port number (1-65535).");
                return 2;
            }
            options.Port = number;
            break;
        case "--config": options.ConfigPath = Value(); break;
        case "--data": options.DataFolder = Value(); break;
        case "--oidc-client":
            try { options.OidcClients.Add(OidcClient.Parse(Value())); }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return 2;
            }
            break;
        case "--csp":
            // For AD FS farms whose Content-Security-Policy (Set-AdfsResponseHeaders) does not allow inline code.
            Console.WriteLine("The adapter's inline script and style, for a Content-Security-Policy:");
            Console.WriteLine($"  script-src {ContentSecurityPolicy.Hash(SecureMFA.Adapter.PageAssets.Script)}");
            Console.WriteLine($"  style-src  {ContentSecurityPolicy.Hash(SecureMFA.Adapter.PageAssets.StyleSheet)}");
            return 0;
        case "--help":
        case "-h":
            Console.WriteLine("SecureMFA OTP demo host\n  --port N       listen on http://127.0.0.1:N/ (default 5080)\n  --config FILE  use this SecureMfaOtpProvider.json (default: generated, SQLite under --data)\n  --data DIR     folder for the SQLite database and generated passphrase, readable by you only (default .data)\n  --oidc-client \"client_id=ID;client_secret=SECRET;redirect_uri=URI[;redirect_uri=URI][;post_logout_redirect_uri=URI]\"\n                 register an application with the OpenID Connect provider (AD FS's application group web app); repeatable.\n                 Registered already: the web portal (src/WebPortal) on http://127.0.0.1:5070\n  --csp          print the CSP hashes of the adapter's inline script and style, and exit");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown argument \"{args[i]}\"; try --help.");
            return 2;
    }
}

DemoServer server;
try { server = DemoServer.Start(options); }
catch (HttpListenerException ex)
{
    // Most often the port is taken (another demo host, or AD FS's own test port): one line, not a stack trace.
    Console.Error.WriteLine($"The demo host cannot listen on http://127.0.0.1:{options.Port}/ ({ex.Message}); choose another port with --port N.");
    return 1;
}
using (server)
{
    Console.WriteLine($"SecureMFA OTP demo host: open {server.BaseAddress} (Ctrl+C to stop)");
    Console.WriteLine($"OpenID Connect provider: {server.Issuer} (discovery at {server.Issuer}/.well-known/openid-configuration)");
    using var stop = new ManualResetEventSlim();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Set(); };
    AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Set();
    stop.Wait();
}
return 0;
