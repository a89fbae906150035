namespace SecureMFA.Core.Stores.Sql
{
    /// <summary>
    /// The few places where SQL Server and SQLite disagree. Every statement is written in T-SQL;
    /// a dialect only supplies the paging clause.
    /// </summary>
    public sealed class SqlDialect
    {
        public static readonly SqlDialect SqlServer = new SqlDialect("SQL Server", "OFFSET @skip ROWS FETCH NEXT @take ROWS ONLY");
        public static readonly SqlDialect Sqlite = new SqlDialect("SQLite", "LIMIT @take OFFSET @skip");

        private SqlDialect(string name, string paging) => (Name, Paging) = (name, paging);

        public string Name { get; }

        /// <summary>Follows an ORDER BY; takes @skip and @take.</summary>
        public string Paging { get; }

        /// <summary>The statement with its dialect placeholders filled in.</summary>
        public string Render(string statement) => statement.Replace(SqlStatements.PagingPlaceholder, Paging);
    }
}
