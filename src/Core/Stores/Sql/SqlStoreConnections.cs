using System;
using System.Data.Common;

namespace SecureMFA.Core.Stores.Sql
{
    /// <summary>
    /// The connections a SQL store (users or devices, on SQL Server or SQLite) works through, and what its failures
    /// say: a driver's exception becomes a <see cref="StoreUnavailableException"/> naming the store and where it is,
    /// which drivers often do not say. The SQL counterpart of Ldap.DomainControllerConnections.
    /// </summary>
    internal sealed class SqlStoreConnections
    {
        private readonly Func<DbConnection> _connect;
        private readonly string? _onOpen;
        private readonly string _store;

        /// <param name="onOpen">A statement run on every opened connection (SQLite: its busy timeout).</param>
        /// <param name="what">What the store is, for its failure messages ("user store", "device registry").</param>
        /// <param name="location">Where it is (server and database, or file), or null when unknown.</param>
        public SqlStoreConnections(Func<DbConnection> connect, SqlDialect dialect, string? onOpen, string what, string? location)
        {
            _connect = connect;
            _onOpen = onOpen;
            _store = $"{dialect.Name} {what}" + (location == null ? "" : $" ({location})");
        }

        /// <summary>An open connection, its <c>onOpen</c> statement run; the caller disposes it.</summary>
        public DbConnection Open()
        {
            var connection = _connect();
            try
            {
                connection.Open();
                if (_onOpen != null)
                    using (var command = SqlCommands.Create(connection, _onOpen)) command.ExecuteNonQuery();
                return connection;
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        /// <summary>Runs the work on a connection of its own.</summary>
        /// <exception cref="StoreUnavailableException">The driver failed.</exception>
        public T Run<T>(Func<DbConnection, T> work)
        {
            try
            {
                using (var connection = Open())
                    return work(connection);
            }
            catch (Exception ex) when (IsDriverFailure(ex))
            {
                throw Unavailable(ex);
            }
        }

        /// <summary>What ADO.NET drivers throw when the database cannot be reached or refuses a statement.</summary>
        public static bool IsDriverFailure(Exception ex) => ex is DbException || ex is InvalidOperationException;

        public StoreUnavailableException Unavailable(Exception ex) => new StoreUnavailableException($"The {_store} failed: {ex.Message}", ex);
    }
}
