using System;
using System.Collections.Generic;
using System.DirectoryServices.Protocols;
using System.Threading;

namespace SecureMFA.Core.Stores.Ldap
{
    /// <summary>
    /// The connections an AD store works through: one per thread, to the domain controller the
    /// <see cref="DomainControllerChoice"/> names (the PDC emulator, or a failover DC while it cannot be reached), so every
    /// compare-and-swap of the users and the devices happens on one DC. A broken connection makes the choice again and
    /// the operation runs once more; a retried write is safe, because it reads and compares again.
    /// </summary>
    public sealed class DomainControllerConnections : IDisposable
    {
        private readonly DomainControllerChoice _choice;
        private readonly string _what;
        private readonly ThreadLocal<BoundConnection?> _connection = new ThreadLocal<BoundConnection?>(() => null);
        private readonly List<LdapConnection> _opened = new List<LdapConnection>();
        private string? _domainNamingContext;

        /// <param name="what">What the store is, for its failure messages ("user store", "device registry").</param>
        public DomainControllerConnections(DomainControllerChoice choice, string what)
        {
            _choice = choice;
            _what = what;
        }

        public DomainControllerChoice Choice => _choice;

        /// <summary>The connection the current <see cref="Run{T}"/> is bound to; every request of one operation goes to the same DC.</summary>
        public LdapConnection Connection() => (_connection.Value ?? Bind(_choice.Current())).Connection;

        /// <summary>Runs one operation on the chosen DC; LDAP failures become <see cref="StoreUnavailableException"/>.</summary>
        public T Run<T>(Func<T> work)
        {
            for (var attempt = 1; ; attempt++)
            {
                var domainController = _choice.Current();
                try
                {
                    Bind(domainController);
                    return work();
                }
                catch (LdapException) when (attempt == 1)
                {
                    Drop();
                    _choice.Unreachable(domainController);
                }
                catch (LdapException ex) { throw Unavailable(ex); }
                catch (DirectoryOperationException ex) { throw Unavailable(ex); }
            }
        }

        /// <summary>The domain's naming context (the container of the product's settings and devices), read once.</summary>
        public string DomainNamingContext()
        {
            if (_domainNamingContext != null) return _domainNamingContext;
            var rootDse = (SearchResponse)Connection().SendRequest(new SearchRequest("", "(objectClass=*)", SearchScope.Base, "defaultNamingContext"));
            return _domainNamingContext = (string)rootDse.Entries[0].Attributes["defaultNamingContext"][0];
        }

        public void Dispose()
        {
            lock (_opened)
            {
                foreach (var connection in _opened) connection.Dispose();
                _opened.Clear();
            }
            _connection.Dispose();
        }

        /// <summary>This thread's connection to the DC, opened anew when the choice moved to another DC.</summary>
        private BoundConnection Bind(DomainController domainController)
        {
            var bound = _connection.Value;
            if (bound != null && bound.DomainController == domainController) return bound;
            Drop();
            var connection = _choice.Open(domainController);
            lock (_opened) _opened.Add(connection);
            return _connection.Value = new BoundConnection(domainController, connection);
        }

        private StoreUnavailableException Unavailable(Exception ex)
        {
            // A broken connection is dropped so the next call on this thread reconnects.
            Drop();
            return new StoreUnavailableException($"The Active Directory {_what} failed: {ex.Message}", ex);
        }

        private void Drop()
        {
            var broken = _connection.Value;
            _connection.Value = null;
            if (broken != null) { lock (_opened) _opened.Remove(broken.Connection); broken.Connection.Dispose(); }
        }

        private sealed class BoundConnection
        {
            public BoundConnection(DomainController domainController, LdapConnection connection) =>
                (DomainController, Connection) = (domainController, connection);

            public DomainController DomainController { get; }
            public LdapConnection Connection { get; }
        }
    }
}
