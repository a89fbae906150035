using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.IdentityServer.Web.Authentication.External;

namespace SecureMFA.AdfsGacHost
{
    /// <summary>
    /// usage: SecureMFA.AdfsGacHost.exe "&lt;adapter full strong name&gt;" &lt;SecureMfaOtpProvider.json&gt; signin|unavailable
    /// Prints one fact per line ("name: value"); the test asserts on them. Secrets (keys, passphrase) are never printed.
    /// </summary>
    internal static class Program
    {
        private const string UpnClaim = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn";
        private const string CodeField = "otpCode";

        private static int Main(string[] args)
        {
            if (args.Length != 3)
            {
                Console.Error.WriteLine("usage: SecureMFA.AdfsGacHost.exe \"<adapter full name>\" <config.json> signin|unavailable");
                return 2;
            }
            try
            {
                Console.WriteLine("runtime: " + (Type.GetType("Mono.Runtime") != null ? "Mono" : ".NET Framework") + " " + Environment.Version);
                // Exactly what AD FS does with the registered type name: bind by strong name, which only the GAC can answer.
                var assembly = Assembly.Load(args[0]);
                Console.WriteLine($"adapter: {assembly.FullName} | {assembly.Location}");
                var type = assembly.GetType("SecureMFA.Adapter.OtpAuthenticationAdapter", throwOnError: true)!;
                var adapter = (IAuthenticationAdapter)Activator.CreateInstance(type)!;
                using (var config = File.OpenRead(args[1]))
                    adapter.OnAuthenticationPipelineLoad(new ConfigData(config));

                var upn = "alice." + Guid.NewGuid().ToString("N").Substring(0, 8) + "@contoso.test";
                if (args[2] == "unavailable")
                {
                    using (var exchange = new LoopbackExchange())
                        Console.WriteLine("begin: " + Describe(adapter.BeginAuthentication(new Claim(UpnClaim, upn), exchange.Request, new AuthenticationContext())));
                }
                else
                {
                    SignInTwice(adapter, upn);
                }
                adapter.OnAuthenticationPipelineUnload();

                foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies().OrderBy(a => a.FullName))
                    Console.WriteLine($"assembly: {loaded.FullName} | {(loaded.IsDynamic ? "" : loaded.Location)}");
                if (File.Exists("/proc/self/maps"))
                    foreach (var path in File.ReadAllLines("/proc/self/maps").Where(l => l.Contains("e_sqlite3")).Select(l => l.Substring(l.IndexOf('/'))).Distinct())
                        Console.WriteLine("native: " + path);
                Console.WriteLine("done: ok");
                return 0;
            }
            catch (Exception ex)
            {
                Console.WriteLine("fatal: " + ex);
                return 1;
            }
        }

        private static void SignInTwice(IAuthenticationAdapter adapter, string upn)
        {
            var identity = new Claim(UpnClaim, upn);

            // First sign-in: enrolment page with QR and manual key; the code from the key confirms it.
            var first = new AuthenticationContext();
            string html;
            using (var exchange = new LoopbackExchange())
            {
                Console.WriteLine($"request: {exchange.Request.GetType().FullName} from {exchange.Request.RemoteEndPoint}");
                html = Html(adapter.BeginAuthentication(identity, exchange.Request, first));
            }
            Console.WriteLine("begin1: " + Describe(html));
            var key = Regex.Match(html, "<code id=\"manualKey\">([A-Z2-7 ]+)</code>").Groups[1].Value;
            var step = RfcTotp.StepAt(DateTime.UtcNow);
            Console.WriteLine("end1: " + End(adapter, first, RfcTotp.Code(key, step)));

            // Second sign-in: the code page; the code just used is refused, the next one is accepted.
            var second = new AuthenticationContext();
            using (var exchange = new LoopbackExchange())
                Console.WriteLine("begin2: " + Describe(adapter.BeginAuthentication(identity, exchange.Request, second)));
            Console.WriteLine("end2-replayed: " + End(adapter, second, RfcTotp.Code(key, step)));
            Console.WriteLine("end2-next: " + End(adapter, second, RfcTotp.Code(key, step + 1)));
        }

        private static string End(IAuthenticationAdapterBase adapter, IAuthenticationContext context, string code)
        {
            using (var exchange = new LoopbackExchange())
            {
                var page = adapter.TryEndAuthentication(context, new ProofData(CodeField, code), exchange.Request, out var claims);
                var issued = claims == null || claims.Length == 0 ? "none" : string.Join(",", claims.Select(c => c.Type + "=" + c.Value));
                return $"claims={issued} page={(page == null ? "none" : Describe(page))}";
            }
        }

        private static string Html(IAdapterPresentation page) => ((IAdapterPresentationForm)page).GetFormHtml(1033);

        private static string Describe(IAdapterPresentation page) => Describe(Html(page));

        /// <summary>Which page it is, what it shows and what error it states, without the secret key itself.</summary>
        private static string Describe(string html)
        {
            var kind = html.Contains("id=\"qrCode\"") ? "enrol" : html.Contains("id=\"" + CodeField + "\"") ? "code" : "notice";
            var qr = Regex.Match(html, "id=\"qrCode\" src=\"([^,\"]*),").Groups[1].Value;
            var key = Regex.Match(html, "<code id=\"manualKey\">([A-Z2-7 ]+)</code>").Groups[1].Value.Replace(" ", "");
            var error = WebUtility.HtmlDecode(Regex.Match(html, "<span id=\"errorText\" role=\"alert\">([^<]*)</span>").Groups[1].Value);
            return $"kind={kind} qr={(qr.Length == 0 ? "none" : qr)} key-length={key.Length} error={(error.Length == 0 ? "none" : error)}";
        }
    }
}
