using System;
using System.Collections.Generic;
using System.DirectoryServices.Protocols;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using SecureMFA.Core.Events;
using SecureMFA.Core.Lockout;
using SecureMFA.Otp.Identity;
using SecureMFA.Otp.Totp;
using A = SecureMFA.Core.Stores.Ldap.LdapAttributes;

namespace SecureMFA.Core.Stores.Ldap
{
    /// <summary>
    /// OTP users as sMFA-OTP-* attributes on AD user objects. Every write is one LDAP modify that
    /// deletes the current sMFA-OTP-ChangeVersion value and adds the next: if another node changed the
    /// user in between, the delete fails, nothing is written, and the change is decided again.
    /// </summary>
    public sealed class LdapOtpUserStore : IOtpUserStore
    {
        private const int MaxAttempts = 400;
        private const string TimeFormat = "yyyyMMddHHmmss.0'Z'";
        private static readonly string[] UserAttributes = A.All.Concat(new[] { A.UserPrincipalName }).ToArray();
        private readonly LdapConnectionSettings _settings;
        private readonly DomainControllerConnections _connections;
        private string? _searchBase;

        /// <param name="settings">how to reach and bind to the directory.</param>
        /// <param name="events">where a failover from the PDC emulator is reported; by default the platform's event destination.</param>
        public LdapOtpUserStore(LdapConnectionSettings settings, IEventSink? events = null)
            : this(settings, new DomainControllerChoice(settings, events ?? EventSinks.ForPlatform())) { }

        /// <summary>With the domain controller choice given (tests: a clock to move, DC names mapped to addresses).</summary>
        public LdapOtpUserStore(LdapConnectionSettings settings, DomainControllerChoice domainControllers)
        {
            _settings = settings;
            _connections = new DomainControllerConnections(domainControllers, "user store");
        }

        /// <summary>The domain controller in use, for event 5552 at start: "PDC emulator dc1.adatum.com", or the failover DC and why. Never throws.</summary>
        public string DomainControllerInUse() => _connections.Choice.Describe();

        public string Describe() => $"AD store: {DomainControllerInUse()}";

        public OtpUser? Find(string upn) => Run(() => Read(Upn.Normalize(upn)).User);

        /// <summary>Throws <see cref="StoreUnavailableException"/> unless the directory is reachable and its schema has the sMFA-OTP attributes.</summary>
        public void CheckSchema() => Run(() =>
        {
            var rootDse = (SearchResponse)Connection().SendRequest(new SearchRequest("", "(objectClass=*)", SearchScope.Base, "schemaNamingContext"));
            var schema = (string)rootDse.Entries[0].Attributes["schemaNamingContext"][0];
            var filter = "(|" + string.Concat(A.All.Select(a => $"(lDAPDisplayName={a})")) + ")";
            var found = ((SearchResponse)Connection().SendRequest(new SearchRequest(schema, filter, SearchScope.OneLevel, "lDAPDisplayName")))
                .Entries.Cast<SearchResultEntry>().Select(e => (string)e.Attributes["lDAPDisplayName"][0]).ToList();
            var missing = A.All.Where(a => !found.Contains(a, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0)
                throw new StoreUnavailableException("The Active Directory schema lacks " + string.Join(", ", missing) + ": run ad-schema/Create_SecureMFA_OTP_AD_attributes.ps1 as a schema administrator.");
            return true;
        });

        public bool Create(NewOtpUser user) => Update(user.Upn, current =>
            current != null
                ? Decision<bool>.NoChange(false)
                : Decision<bool>.Change(true, Enrolment(user, created: DateTime.UtcNow)),
            missingUserResult: false, requireDirectoryUser: true);

        public bool Reset(NewOtpUser user) => Update(user.Upn, current =>
            current == null
                ? Decision<bool>.NoChange(false)
                : Decision<bool>.Change(true, Enrolment(user, created: current.Created)), missingUserResult: false);

        public bool ReplaceSecret(string upn, string currentProtected, string newProtected) => Update(upn, current =>
            current == null || current.ProtectedSecret != currentProtected
                ? Decision<bool>.NoChange(false)
                : Decision<bool>.Change(true, new Dictionary<string, string?> { [A.Secret] = newProtected }),
            missingUserResult: false);

        /// <summary>A directory has no multi-object transactions: each secret is its own compare-and-swap.</summary>
        public int ReplaceSecrets(IReadOnlyList<SecretReplacement> replacements) =>
            replacements.Count(r => ReplaceSecret(r.Upn, r.CurrentProtected, r.NewProtected));

        public SuccessOutcome RecordSuccess(string upn, long stepStartSecond, LogonAttempt attempt) => Update(upn, current =>
        {
            if (current == null) return Decision<SuccessOutcome>.NoChange(SuccessOutcome.NotFound);
            if (current.Disabled) return Decision<SuccessOutcome>.NoChange(SuccessOutcome.Disabled);
            if (current.IsLockedAt(attempt.UtcNow)) return Decision<SuccessOutcome>.NoChange(SuccessOutcome.Locked);
            if (current.LastAcceptedSecond.HasValue && current.LastAcceptedSecond.Value >= stepStartSecond) return Decision<SuccessOutcome>.NoChange(SuccessOutcome.Replayed);
            var changes = SignedIn(current, attempt);
            changes[A.Logon] = "TRUE";
            changes[A.LastAccepted] = Number(stepStartSecond);
            changes[A.LastTimeStep] = null;
            return Decision<SuccessOutcome>.Change(SuccessOutcome.Accepted, changes);
        }, missingUserResult: SuccessOutcome.NotFound);

        /// <summary>What every accepted sign-in writes, by TOTP code or by recovery code: one more logon, failures cleared, lock lifted.</summary>
        private static Dictionary<string, string?> SignedIn(OtpUser current, LogonAttempt attempt) => new Dictionary<string, string?>
        {
            [A.LastLogon] = Time(attempt.UtcNow),
            [A.LogonCount] = Number(current.LogonCount + 1),
            [A.FailedLogonCount] = "0",
            [A.LockedUntil] = null,
            [A.LogonIp] = attempt.ClientIp,
            [A.UserAgent] = attempt.UserAgent,
        };

        public OtpUser? RecordFailure(string upn, string failedCode, LogonAttempt attempt, LockoutPolicy policy) =>
            CountFailure(upn, null, failedCode, attempt, policy);

        public OtpUser? RecordReplay(string upn, long stepStartSecond, string failedCode, LogonAttempt attempt, LockoutPolicy policy) =>
            CountFailure(upn, stepStartSecond, failedCode, attempt, policy);

        /// <summary>One more failure; with a replay's step, only if no replay of that step was counted yet.</summary>
        private OtpUser? CountFailure(string upn, long? replayStep, string failedCode, LogonAttempt attempt, LockoutPolicy policy)
        {
            var exists = Update(upn, current =>
            {
                if (current == null) return Decision<bool>.NoChange(false);
                if (replayStep.HasValue && current.LastReplaySecond.HasValue && current.LastReplaySecond.Value >= replayStep.Value)
                    return Decision<bool>.NoChange(true);
                var (failures, lockedUntil) = FailureCounting.Next(current, attempt.UtcNow, policy);
                var changes = new Dictionary<string, string?>
                {
                    [A.FailedLogonCount] = Number(failures),
                    [A.LockedUntil] = lockedUntil.HasValue ? Time(lockedUntil.Value) : null,
                    [A.FailedLastLogon] = Time(attempt.UtcNow),
                    [A.FailedCode] = LogonAttempt.Truncate(failedCode, LogonAttempt.MaxCodeLength),
                    [A.LogonIp] = attempt.ClientIp,
                    [A.UserAgent] = attempt.UserAgent,
                };
                if (replayStep.HasValue) changes[A.LastReplay] = Number(replayStep.Value);
                return Decision<bool>.Change(true, changes);
            }, missingUserResult: false);
            return exists ? Find(upn) : null;
        }

        public bool ReplaceRecoveryCodes(string upn, IReadOnlyList<string> codeHashes, DateTime utcNow) => Update(upn, current =>
            current == null
                ? Decision<bool>.NoChange(false)
                : Decision<bool>.Change(true, new Dictionary<string, string?>
                {
                    [A.RecoveryCodes] = codeHashes.Count == 0 ? null : string.Join(";", codeHashes),
                    [A.RecoveryCodesUsed] = "0",
                }),
            missingUserResult: false);

        public RecoveryCodeOutcome UseRecoveryCode(string upn, string codeHash, LogonAttempt attempt) => Update(upn, current =>
        {
            if (current == null) return Decision<RecoveryCodeOutcome>.NoChange(RecoveryCodeOutcome.NotFound);
            if (current.Disabled) return Decision<RecoveryCodeOutcome>.NoChange(RecoveryCodeOutcome.Disabled);
            if (current.IsLockedAt(attempt.UtcNow)) return Decision<RecoveryCodeOutcome>.NoChange(RecoveryCodeOutcome.Locked);
            var unused = RecoveryCodeHashes(current).ToList();
            if (!unused.Remove(codeHash)) return Decision<RecoveryCodeOutcome>.NoChange(RecoveryCodeOutcome.NoSuchCode);
            var changes = SignedIn(current, attempt);
            changes[A.RecoveryCodes] = unused.Count == 0 ? null : string.Join(";", unused);
            changes[A.RecoveryCodesUsed] = Number(current.RecoveryCodesUsed + 1);
            return Decision<RecoveryCodeOutcome>.Change(RecoveryCodeOutcome.Accepted, changes);
        }, missingUserResult: RecoveryCodeOutcome.NotFound);

        public IReadOnlyList<string> UnusedRecoveryCodeHashes(string upn) => RecoveryCodeHashes(Find(upn) ?? new OtpUser()).ToList();

        public string GetOrAdd(string name, string proposed) => Run(() => LdapProductContainer.GetOrAddSetting(Connection(), _connections.DomainNamingContext(), name, proposed));

        public bool SetDisabled(string upn, bool disabled) => Change(upn, new Dictionary<string, string?> { [A.Disabled] = disabled ? "TRUE" : "FALSE" });

        public bool Unlock(string upn) => Change(upn, new Dictionary<string, string?> { [A.LockedUntil] = null, [A.FailedLogonCount] = "0" });

        public bool Remove(string upn) => Update(upn, current =>
            current == null
                ? Decision<bool>.NoChange(false)
                : Decision<bool>.Change(true, A.All.Where(a => a != A.ChangeVersion).ToDictionary(a => a, a => (string?)null), removeVersion: true),
            missingUserResult: false);

        public IReadOnlyList<OtpUser> List(UserQuery query, DateTime utcNow) => Run(() =>
        {
            var skip = Math.Max(0, query.Skip);
            var take = Math.Max(0, query.Take);
            // Every user up to the last one asked for (with Take = int.MaxValue: all of them), in order.
            var needed = (long)skip + take;
            var users = new List<OtpUser>();
            foreach (var part in LdapUserOrder.For(query))
            {
                if (users.Count >= needed) break;
                users.AddRange(SearchInOrder(Filter(query, utcNow, part.Clause), part, needed - users.Count));
            }
            return (IReadOnlyList<OtpUser>)users.Skip(skip).Take(take).ToList();
        });

        /// <summary>
        /// The users the filter selects, in the part's order. The server sorts, and reading stops once <paramref name="needed"/>
        /// users and every tie of the last of them are in. The sort control is critical, because a server that ignored it would
        /// send its first users instead of the first in order (Samba, like AD, sends no sort result when it succeeds); a server
        /// that refuses it is read to the end and its users are sorted here.
        /// </summary>
        private List<OtpUser> SearchInOrder(string filter, LdapUserOrder order, long needed)
        {
            var request = new SearchRequest(SearchBase(), filter, SearchScope.Subtree, UserAttributes);
            request.Controls.Add(new SortRequestControl(new System.DirectoryServices.Protocols.SortKey(order.Attribute, null, order.Reverse)) { IsCritical = true });
            var paging = new PageResultRequestControl((int)Math.Min(LdapPagedSearch.PageSize, needed + 1));
            request.Controls.Add(paging);
            var users = new List<OtpUser>();
            while (true)
            {
                SearchResponse response;
                try { response = (SearchResponse)Connection().SendRequest(request); }
                catch (DirectoryOperationException ex) when (users.Count == 0 && RefusesSorting(ex))
                {
                    return order.Sort(Search(filter));
                }
                users.AddRange(response.Entries.Cast<SearchResultEntry>().Select(ToUser).Where(u => u != null).Select(u => u!));
                var cookie = response.Controls.OfType<PageResultResponseControl>().FirstOrDefault()?.Cookie;
                if (cookie == null || cookie.Length == 0) break;
                paging.Cookie = cookie;
                if (users.Count > needed && !order.SameKey(users[(int)needed - 1], users[users.Count - 1]))
                {
                    Abandon(request, paging);
                    break;
                }
            }
            return order.Sort(users);
        }

        private static bool RefusesSorting(DirectoryOperationException ex) =>
            ex.Response != null && (ex.Response.ResultCode == ResultCode.UnavailableCriticalExtension || ex.Response.ResultCode == ResultCode.UnwillingToPerform
                || ex.Response.ResultCode == ResultCode.InappropriateMatching);

        /// <summary>Tells the server to drop the rest of a paged result (RFC 2696: a page size of 0). What was read stands either way.</summary>
        private void Abandon(SearchRequest request, PageResultRequestControl paging)
        {
            paging.PageSize = 0;
            try { Connection().SendRequest(request); }
            catch (DirectoryOperationException) { }
        }

        public int Count(UserQuery query, DateTime utcNow) => Run(() => Search(Filter(query, utcNow)).Count);

        /// <summary>A directory has no multi-object transactions: users are created one modify each.</summary>
        public IReadOnlyList<string> CreateMany(IReadOnlyList<NewOtpUser> users) =>
            users.Where(u => !Create(u)).Select(u => Upn.Normalize(u.Upn)).ToList();

        public void Dispose() => _connections.Dispose();

        private bool Change(string upn, Dictionary<string, string?> changes) => Update(upn, current =>
            current == null ? Decision<bool>.NoChange(false) : Decision<bool>.Change(true, changes), missingUserResult: false);

        private static Dictionary<string, string?> Enrolment(NewOtpUser user, DateTime created) => new Dictionary<string, string?>
        {
            [A.Secret] = user.ProtectedSecret,
            [A.Logon] = "FALSE",
            [A.Disabled] = user.Disabled ? "TRUE" : "FALSE",
            [A.Parameters] = FormatParameters(user.Parameters),
            [A.Created] = Time(created),
            [A.LogonCount] = "0",
            [A.FailedLogonCount] = "0",
            [A.LockedUntil] = null,
            [A.LastAccepted] = null,
            [A.LastReplay] = null,
            [A.LastTimeStep] = null,
        };

        /// <summary>Reads, decides, writes with compare-and-swap; on a lost race, reads and decides again.</summary>
        private T Update<T>(string upn, Func<OtpUser?, Decision<T>> decide, T missingUserResult, bool requireDirectoryUser = false)
        {
            var key = Upn.Normalize(upn);
            return Run(() =>
            {
                var random = new Random(Guid.NewGuid().GetHashCode());
                for (var attempt = 0; attempt < MaxAttempts; attempt++)
                {
                    var (dn, current) = Read(key);
                    if (dn == null)
                    {
                        if (requireDirectoryUser) throw new DirectoryUserNotFoundException(key);
                        return missingUserResult;
                    }
                    var decision = decide(current);
                    if (decision.Changes == null) return decision.Result;
                    try
                    {
                        Connection().SendRequest(BuildModify(dn, current?.ChangeVersion, decision));
                        return decision.Result;
                    }
                    catch (DirectoryOperationException ex) when (IsLostRace(ex))
                    {
                        Thread.Sleep(random.Next(1, 4 + Math.Min(attempt, 20)));
                    }
                }
                throw new StoreUnavailableException($"The directory kept changing {key} under us; gave up after {MaxAttempts} attempts.");
            });
        }

        private static ModifyRequest BuildModify(string dn, long? version, IDecision decision)
        {
            var request = new ModifyRequest(dn);
            if (version.HasValue)
                request.Modifications.Add(new DirectoryAttributeModification { Name = A.ChangeVersion, Operation = DirectoryAttributeOperation.Delete }.With(Number(version.Value)));
            if (!decision.RemoveVersion)
                request.Modifications.Add(new DirectoryAttributeModification { Name = A.ChangeVersion, Operation = DirectoryAttributeOperation.Add }.With(Number((version ?? 0) + 1)));
            foreach (var change in decision.Changes!)
            {
                var modification = new DirectoryAttributeModification { Name = change.Key, Operation = DirectoryAttributeOperation.Replace };
                if (change.Value != null) modification.Add(change.Value);
                request.Modifications.Add(modification);
            }
            return request;
        }

        private static bool IsLostRace(DirectoryOperationException ex) =>
            ex.Response != null && (ex.Response.ResultCode == ResultCode.NoSuchAttribute || ex.Response.ResultCode == ResultCode.AttributeOrValueExists);

        private (string? Dn, OtpUser? User) Read(string key)
        {
            var entries = SearchEntries($"(&(objectClass=user)({A.UserPrincipalName}={LdapFilterValue.Escape(key)}))");
            if (entries.Count == 0) return (null, null);
            var entry = entries[0];
            return (entry.DistinguishedName, ToUser(entry));
        }

        private List<OtpUser> Search(string filter) => SearchEntries(filter).Select(ToUser).Where(u => u != null).Select(u => u!).ToList();

        private List<SearchResultEntry> SearchEntries(string filter) =>
            LdapPagedSearch.All(Connection(), new SearchRequest(SearchBase(), filter, SearchScope.Subtree, UserAttributes));

        private static OtpUser? ToUser(SearchResultEntry entry)
        {
            string? Get(string name) => LdapEntryText.First(entry, name);
            var secret = Get(A.Secret);
            if (secret == null) return null;
            var parameters = ParseParameters(Get(A.Parameters));
            var recoveryCodes = Hashes(Get(A.RecoveryCodes));
            return new OtpUser
            {
                Upn = (Get(A.UserPrincipalName) ?? "").ToLowerInvariant(),
                ProtectedSecret = secret,
                Enrolled = Get(A.Logon) == "TRUE",
                Disabled = Get(A.Disabled) == "TRUE",
                LastLogon = ParseTime(Get(A.LastLogon)),
                LogonCount = (int)ParseNumber(Get(A.LogonCount)),
                FailedLogonCount = (int)ParseNumber(Get(A.FailedLogonCount)),
                FailedLastLogon = ParseTime(Get(A.FailedLastLogon)),
                FailedCode = Get(A.FailedCode),
                LogonIp = Get(A.LogonIp),
                UserAgent = Get(A.UserAgent),
                LockedUntil = ParseTime(Get(A.LockedUntil)),
                Parameters = parameters,
                LastAcceptedSecond = LastAccepted(Get(A.LastAccepted), Get(A.LastTimeStep), parameters),
                LastReplaySecond = Get(A.LastReplay) == null ? (long?)null : ParseNumber(Get(A.LastReplay)),
                RecoveryCodeHashes = recoveryCodes,
                RecoveryCodesLeft = recoveryCodes.Count,
                RecoveryCodesUsed = (int)ParseNumber(Get(A.RecoveryCodesUsed)),
                Created = ParseTime(Get(A.Created)) ?? DateTime.MinValue,
                ChangeVersion = ParseNumber(Get(A.ChangeVersion)),
            };
        }

        /// <summary>
        /// Schema 1 kept the last accepted time step in periods; a reset to another period kept that count, which
        /// then reads as decades ahead: such a value is ignored (the secret was new). Rewritten in seconds at the next success.
        /// </summary>
        private static long? LastAccepted(string? seconds, string? legacyStep, TotpParameters parameters)
        {
            if (seconds != null) return ParseNumber(seconds);
            if (legacyStep == null) return null;
            var converted = ParseNumber(legacyStep) * parameters.PeriodSeconds;
            return converted > DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3600 ? (long?)null : converted;
        }

        private static IEnumerable<string> RecoveryCodeHashes(OtpUser user) => user.RecoveryCodeHashes ?? Enumerable.Empty<string>();

        private static IReadOnlyList<string> Hashes(string? joined) =>
            string.IsNullOrEmpty(joined) ? Array.Empty<string>() : joined!.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries);

        /// <param name="part">A filter term of the list's order (<see cref="LdapUserOrder.Clause"/>), or empty.</param>
        private static string Filter(UserQuery query, DateTime utcNow, string part = "")
        {
            var filter = new StringBuilder("(&(objectClass=user)(").Append(A.Secret).Append("=*)").Append(part);
            if (!string.IsNullOrEmpty(query.UpnPattern) && query.UpnPattern != "*")
                filter.Append('(').Append(A.UserPrincipalName).Append('=').Append(EscapePattern(query.UpnPattern!)).Append(')');
            if (query.Enrolled.HasValue) filter.Append('(').Append(A.Logon).Append(query.Enrolled.Value ? "=TRUE)" : "=FALSE)");
            if (query.Disabled.HasValue) filter.Append('(').Append(A.Disabled).Append(query.Disabled.Value ? "=TRUE)" : "=FALSE)");
            if (query.Locked.HasValue)
            {
                // Locked = a lock end in the future; generalized time compares in order in filters.
                var future = $"(!({A.LockedUntil}<={Time(utcNow)}))({A.LockedUntil}=*)";
                filter.Append(query.Locked.Value ? $"(&{future})" : $"(!(&{future}))");
            }
            return filter.Append(')').ToString();
        }

        private LdapConnection Connection() => _connections.Connection();

        private T Run<T>(Func<T> work) => _connections.Run(work);

        private string SearchBase()
        {
            if (_searchBase != null) return _searchBase;
            return _searchBase = _settings.SearchBase.Length > 0 ? _settings.SearchBase : _connections.DomainNamingContext();
        }

        /// <summary>Like <see cref="LdapFilterValue.Escape"/>, but * stays a wildcard; ? has no LDAP equivalent and becomes *.</summary>
        private static string EscapePattern(string pattern) =>
            string.Join("*", pattern.Replace('?', '*').Split('*').Select(LdapFilterValue.Escape));

        private static string Time(DateTime utc) => utc.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture);
        private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
        private static long ParseNumber(string? text) => text == null ? 0 : long.Parse(text, CultureInfo.InvariantCulture);

        private static DateTime? ParseTime(string? text) => text == null ? (DateTime?)null
            : DateTime.ParseExact(text, new[] { TimeFormat, "yyyyMMddHHmmss'Z'" }, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        private static string FormatParameters(TotpParameters p) => string.Format(CultureInfo.InvariantCulture, "{0};{1};{2}", p.Algorithm, p.Digits, p.PeriodSeconds);

        private static TotpParameters ParseParameters(string? text)
        {
            if (text == null) return TotpParameters.Default;
            var parts = text.Split(';');
            return new TotpParameters((TotpAlgorithm)Enum.Parse(typeof(TotpAlgorithm), parts[0], true),
                int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
        }

        private interface IDecision
        {
            Dictionary<string, string?>? Changes { get; }
            bool RemoveVersion { get; }
        }

        /// <summary>The result to return, and the attribute values to write (null: write nothing).</summary>
        private sealed class Decision<T> : IDecision
        {
            private Decision(T result, Dictionary<string, string?>? changes, bool removeVersion) =>
                (Result, Changes, RemoveVersion) = (result, changes, removeVersion);

            public T Result { get; }
            public Dictionary<string, string?>? Changes { get; }
            public bool RemoveVersion { get; }

            public static Decision<T> NoChange(T result) => new Decision<T>(result, null, false);
            public static Decision<T> Change(T result, Dictionary<string, string?> changes, bool removeVersion = false) => new Decision<T>(result, changes, removeVersion);
        }
    }

    internal static class DirectoryAttributeModificationExtensions
    {
        public static DirectoryAttributeModification With(this DirectoryAttributeModification modification, string value)
        {
            modification.Add(value);
            return modification;
        }
    }
}
