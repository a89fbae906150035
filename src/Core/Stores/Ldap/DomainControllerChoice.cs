using System;
using System.Collections.Generic;
using System.DirectoryServices.Protocols;
using System.Linq;
using System.Threading;
using SecureMFA.Core.Events;
using SecureMFA.Otp.Time;

namespace SecureMFA.Core.Stores.Ldap
{
    /// <summary>
    /// Which domain controller the AD store reads and writes. Each OTP write is a compare-and-swap, which holds on one DC
    /// only: AD FS nodes on different DCs could each accept the same code, or lose failure counts, before replication
    /// settles. So every node uses the domain's PDC emulator, found through ad_server (with none, through the DC the
    /// locator picks). Only when the PDC emulator is unreachable does the store fail over to another writable DC, with a
    /// warning event. The choice is made again every <see cref="RecheckInterval"/> (back to the PDC emulator, or to a new
    /// role holder) and at once when the DC in use stops answering.
    /// </summary>
    public sealed class DomainControllerChoice
    {
        public static readonly TimeSpan RecheckInterval = TimeSpan.FromMinutes(5);

        private readonly Func<LdapConnection> _connectConfigured;
        private readonly Func<string, LdapConnection> _connectToDomainController;
        private readonly string _configuredName;
        private readonly IEventSink _events;
        private readonly IClock _clock;
        private readonly object _gate = new object();
        private Choice? _current;          // null: choose before the next use
        private Choice? _last;             // the last choice made, to tell a change in an event
        private DomainTopology? _topology; // the last topology read: where to look when ad_server does not answer
        private string? _configuredAnswersAs; // the NTDS Settings DN of the DC that ad_server led to at the last look
        private long _recheckAtTicks;

        /// <param name="settings">ad_server and how to bind.</param>
        /// <param name="events">where the failover warning goes.</param>
        /// <param name="clock">UTC now; tests move it past the re-check.</param>
        /// <param name="connectToDomainController">
        /// opens a bound connection to a DC by its DNS host name; by default <see cref="LdapConnectionSettings.ConnectToDomainController"/>.
        /// Tests whose DCs' names are not in DNS map them to addresses here.
        /// </param>
        public DomainControllerChoice(LdapConnectionSettings settings, IEventSink events, IClock? clock = null, Func<string, LdapConnection>? connectToDomainController = null)
        {
            _connectConfigured = settings.Connect;
            _connectToDomainController = connectToDomainController ?? settings.ConnectToDomainController;
            _configuredName = settings.Server.Length > 0 ? settings.Server : "the domain controller locator";
            _events = EventSinks.Guarded(events);
            _clock = clock ?? SystemClock.Instance;
        }

        /// <summary>The DC to use now: chosen at the first call, again when the re-check is due or the DC in use was reported unreachable.</summary>
        /// <exception cref="StoreUnavailableException">No domain controller answered.</exception>
        public DomainController Current()
        {
            var current = Volatile.Read(ref _current);
            if (current != null && !RecheckDue()) return current.DomainController;
            var locked = false;
            try
            {
                // A due re-check is made by one thread; the others go on with the DC in use rather than wait on a slow one.
                if (current != null) Monitor.TryEnter(_gate, ref locked);
                else Monitor.Enter(_gate, ref locked);
                if (!locked) return current!.DomainController;
                current = Volatile.Read(ref _current);
                if (current != null && !RecheckDue()) return current.DomainController;
                return Choose();
            }
            finally
            {
                if (locked) Monitor.Exit(_gate);
            }
        }

        /// <summary>The store lost its connection to this DC: the next <see cref="Current"/> chooses again (and may fail over).</summary>
        public void Unreachable(DomainController domainController)
        {
            var current = Volatile.Read(ref _current);
            if (current != null && current.DomainController == domainController) Interlocked.CompareExchange(ref _current, null, current);
        }

        /// <summary>
        /// A bound connection to the DC. When ad_server led to that very DC it is reached as configured (its name may not be
        /// in this host's DNS; ad_server may be an address), after checking it still leads there: a domain name or the
        /// locator can lead elsewhere next time. Otherwise by the DC's DNS host name.
        /// </summary>
        public LdapConnection Open(DomainController domainController)
        {
            if (domainController.Is(Volatile.Read(ref _configuredAnswersAs) ?? ""))
            {
                var connection = _connectConfigured();
                try
                {
                    if (domainController.Is(DomainTopology.AnsweringDsaOf(connection))) return connection;
                }
                catch
                {
                    connection.Dispose();
                    throw;
                }
                connection.Dispose();
            }
            return _connectToDomainController(domainController.HostName);
        }

        /// <summary>For event 5552 at start: "PDC emulator dc1.adatum.com", or the failover DC and why. Never throws.</summary>
        public string Describe()
        {
            try
            {
                Current();
                var choice = Volatile.Read(ref _current) ?? Volatile.Read(ref _last);
                if (choice == null) return "no domain controller chosen yet";
                return choice.PdcEmulatorProblem == null
                    ? "PDC emulator " + choice.DomainController.HostName
                    : $"{choice.DomainController.HostName}, failing over because {choice.PdcEmulatorProblem}";
            }
            catch (Exception ex)
            {
                // At start a DC that does not answer is no reason for the provider not to start: sign-ins try again.
                return "no domain controller reachable yet (" + ex.Message + ")";
            }
        }

        private bool RecheckDue() => _clock.UtcNow.Ticks >= Volatile.Read(ref _recheckAtTicks);

        private DomainController Choose()
        {
            var problems = new List<string>();
            var topology = Discover(problems);
            if (topology == null)
            {
                Volatile.Write(ref _current, null);
                throw new StoreUnavailableException("The Active Directory store failed: no domain controller answered (" + string.Join("; ", problems) + ").");
            }
            _topology = topology;

            var pdc = topology.PdcEmulator;
            string pdcProblem;
            if (pdc == null)
                pdcProblem = $"the PDC emulator role owner \"{topology.PdcEmulatorRoleOwner}\" is not a writable domain controller of the domain";
            else if (TryOpen(pdc, out var problem))
                return Chosen(new Choice(pdc, null));
            else
                pdcProblem = $"the PDC emulator {pdc.HostName} is unreachable ({problem})";

            foreach (var candidate in FailoverCandidates(topology))
            {
                if (TryOpen(candidate, out var problem)) return Chosen(new Choice(candidate, pdcProblem));
                problems.Add(candidate.HostName + ": " + problem);
            }
            Volatile.Write(ref _current, null);
            throw new StoreUnavailableException("The Active Directory store failed: " + pdcProblem + ", and no other writable domain controller answered" +
                (problems.Count == 0 ? "." : " (" + string.Join("; ", problems) + ")."));
        }

        /// <summary>What ad_server leads to says best what the domain looks like now; failing that, the DCs known from the last look, the PDC emulator first.</summary>
        private DomainTopology? Discover(List<string> problems)
        {
            var topology = TryRead(_configuredName, _connectConfigured, problems);
            Volatile.Write(ref _configuredAnswersAs, topology?.AnsweringDsa);
            if (topology != null) return topology;
            foreach (var known in (_topology?.DomainControllers ?? Array.Empty<DomainController>()).OrderBy(dc => dc.IsPdcEmulator ? 0 : 1))
            {
                topology = TryRead(known.HostName, () => _connectToDomainController(known.HostName), problems);
                if (topology != null) return topology;
            }
            return null;
        }

        private static DomainTopology? TryRead(string name, Func<LdapConnection> connect, List<string> problems)
        {
            try
            {
                using var connection = connect();
                return DomainTopology.Read(connection);
            }
            catch (Exception ex) when (ex is LdapException || ex is DirectoryOperationException)
            {
                problems.Add(name + ": " + ex.Message);
                return null;
            }
        }

        /// <summary>The DC that answered first (it just did, and ad_server named it), then the other writable DCs.</summary>
        private static IEnumerable<DomainController> FailoverCandidates(DomainTopology topology) =>
            topology.DomainControllers.Where(dc => !dc.IsPdcEmulator).OrderBy(dc => dc.Is(topology.AnsweringDsa) ? 0 : 1);

        private bool TryOpen(DomainController domainController, out string problem)
        {
            try
            {
                Open(domainController).Dispose();
                problem = "";
                return true;
            }
            catch (Exception ex) when (ex is LdapException || ex is DirectoryOperationException)
            {
                problem = ex.Message;
                return false;
            }
        }

        private DomainController Chosen(Choice choice)
        {
            var previous = _last;
            // The same DC as before stays the same object, so connections the store holds to it stay in use.
            if (previous != null && previous.DomainController.Is(choice.DomainController.NtdsSettingsDn) && previous.DomainController.IsPdcEmulator == choice.DomainController.IsPdcEmulator)
                choice = new Choice(previous.DomainController, choice.PdcEmulatorProblem);
            Volatile.Write(ref _recheckAtTicks, (_clock.UtcNow + RecheckInterval).Ticks);
            Volatile.Write(ref _last, choice);
            Volatile.Write(ref _current, choice);

            var moved = previous == null || previous.DomainController != choice.DomainController;
            if (choice.PdcEmulatorProblem != null && moved)
                _events.Write(OtpEventId.ProviderFailed, EventLevel.Warning,
                    $"AD store: {choice.PdcEmulatorProblem}; OTP reads and writes fail over to {choice.DomainController.HostName}. " +
                    "Until the PDC emulator answers again, AD FS nodes on different domain controllers can each accept the same code once, and failure counts can be lost to replication. " +
                    $"The PDC emulator is tried again every {RecheckInterval.TotalMinutes:0} minutes.");
            else if (choice.PdcEmulatorProblem == null && moved && previous != null)
                _events.Write(OtpEventId.ProviderOk, EventLevel.Information, previous.PdcEmulatorProblem != null
                    ? $"AD store: OTP reads and writes are back on the PDC emulator {choice.DomainController.HostName}."
                    : $"AD store: the PDC emulator role moved to {choice.DomainController.HostName}; OTP reads and writes follow it.");
            return choice.DomainController;
        }

        private sealed class Choice
        {
            public Choice(DomainController domainController, string? pdcEmulatorProblem) =>
                (DomainController, PdcEmulatorProblem) = (domainController, pdcEmulatorProblem);

            public DomainController DomainController { get; }

            /// <summary>Why this is not the PDC emulator; null when it is.</summary>
            public string? PdcEmulatorProblem { get; }
        }
    }
}
