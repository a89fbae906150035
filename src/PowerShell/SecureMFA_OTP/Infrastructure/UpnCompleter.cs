using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Startup;
using SecureMFA.Core.Stores;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>
    /// Tab completion for -Upn: the UPNs in the store that start with what was typed, at most <see cref="MaxResults"/>. The
    /// store is the one the configuration on the command line names (-ConfigurationFilePath), else the one
    /// $PSDefaultParameterValues gives the command, else the copy Install keeps. Completion never creates a store (a missing
    /// SQLite file stays missing), gives up after <see cref="Budget"/>, and says nothing when it cannot help: no error
    /// belongs in the middle of a line being typed.
    /// </summary>
    public sealed class UpnCompleter : IArgumentCompleter
    {
        public const int MaxResults = 50;
        public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);
        private const string ConfigurationParameter = nameof(OtpStoreCmdlet.ConfigurationFilePath);
        private static readonly Regex Bare = new Regex(@"^[A-Za-z0-9@._\-]+$");

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                // Read on this thread (it needs the session); the store is asked on another, so a slow server cannot hold the prompt.
                var path = ConfigurationPath(commandName, fakeBoundParameters);
                var prefix = (wordToComplete ?? "").Trim('\'', '"');
                var lookup = Task.Run(() => Lookup(path, prefix));
                if (!lookup.Wait(Budget)) return Array.Empty<CompletionResult>();
                return lookup.Result.Select(upn => new CompletionResult(Quote(upn), upn, CompletionResultType.ParameterValue, upn)).ToList();
            }
            catch (Exception)
            {
                // Whatever went wrong (no configuration, store down, no rights): no completions, and nothing on the screen.
                return Array.Empty<CompletionResult>();
            }
        }

        private static IReadOnlyList<string> Lookup(string configurationPath, string prefix)
        {
            var config = ConfigurationLoader.LoadFile(configurationPath);
            if (config.AuthMode == AuthMode.SQLITE && !File.Exists(Path.GetFullPath(config.SqlitePath))) return Array.Empty<string>();
            using (var deployment = Deployment.Open(config))
            {
                var query = new UserQuery { UpnPattern = prefix + "*", Take = MaxResults };
                return deployment.Store.List(query, DateTime.UtcNow).Select(u => u.Upn).ToList();
            }
        }

        private static string ConfigurationPath(string commandName, IDictionary fakeBoundParameters)
        {
            var named = fakeBoundParameters.Keys.Cast<object>().Where(k => ConfigurationParameter.Equals(k as string, StringComparison.OrdinalIgnoreCase))
                .Select(k => (fakeBoundParameters[k] is PSObject wrapped ? wrapped.BaseObject : fakeBoundParameters[k]) as string)
                .FirstOrDefault(v => !string.IsNullOrEmpty(v));
            var path = named ?? SessionDefault(commandName);
            return path == null ? ModulePaths.DefaultConfigurationFile
                : (string)ScriptBlock.Create("$ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($args[0])").Invoke(path)[0].BaseObject;
        }

        /// <summary>A ConfigurationFilePath that $PSDefaultParameterValues sets for this command ("Get-xOTP_User:..." or "*-xOTP_User:...").</summary>
        private static string? SessionDefault(string commandName)
        {
            var defaults = ScriptBlock.Create("$PSDefaultParameterValues").Invoke().FirstOrDefault()?.BaseObject as IDictionary;
            if (defaults == null) return null;
            foreach (DictionaryEntry entry in defaults)
            {
                var key = entry.Key as string ?? "";
                var colon = key.LastIndexOf(':');
                if (colon <= 0 || !ConfigurationParameter.Equals(key.Substring(colon + 1).Trim(), StringComparison.OrdinalIgnoreCase)) continue;
                var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                if (value is string text && text.Length > 0 && new WildcardPattern(key.Substring(0, colon).Trim(), WildcardOptions.IgnoreCase).IsMatch(commandName))
                    return text;
            }
            return null;
        }

        /// <summary>UPNs may hold characters PowerShell reads as syntax ('$', '#', a quote ...): those are single-quoted.</summary>
        private static string Quote(string upn) => Bare.IsMatch(upn) ? upn : "'" + upn.Replace("'", "''") + "'";
    }
}
