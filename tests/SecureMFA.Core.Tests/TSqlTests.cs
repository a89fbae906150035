using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using SecureMFA.Core.Stores.Sql;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>Every statement and script is parsed by Microsoft's own T-SQL parser.</summary>
    public class TSqlTests
    {
        public static IEnumerable<object[]> Statements() =>
            typeof(SqlStatements).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name != nameof(SqlStatements.PagingPlaceholder))
                .Select(f => new object[] { f.Name });

        private static TSqlFragment Parse(string sql)
        {
            var fragment = new TSql160Parser(true).Parse(new StringReader(sql), out IList<ParseError> errors);
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}")) + "\n" + sql);
            return fragment;
        }

        [Theory, MemberData(nameof(Statements))]
        public void EveryStoreStatementIsValidTSql(string name)
        {
            var sql = (string)typeof(SqlStatements).GetField(name)!.GetRawConstantValue()!;
            Parse(SqlDialect.SqlServer.Render(sql));
        }

        [Theory]
        [InlineData(SqlScripts.CreateDatabase)]
        [InlineData(SqlScripts.Upgrade)]
        public void EveryScriptIsValidTSql(string script)
        {
            Assert.True(SqlScripts.Batches(SqlScripts.Read(script)).Count > 3);
            Parse(File.ReadAllText(Path.Combine("sql", script)));
        }

        [Fact]
        public void TheEmbeddedScriptsAreTheShippedFiles()
        {
            Assert.Equal(File.ReadAllText(Path.Combine("sql", SqlScripts.Upgrade)), SqlScripts.Read(SqlScripts.Upgrade));
        }

        /// <summary>Idempotence, statically: every change the upgrade makes sits under an IF that tests for it.</summary>
        [Theory]
        [InlineData(SqlScripts.Upgrade)]
        [InlineData(SqlScripts.CreateDatabase)]
        public void EveryChangeIsGuardedSoRunningTwiceChangesNothing(string script)
        {
            var fragment = Parse(SqlScripts.Read(script));
            var visitor = new ChangeVisitor();
            fragment.Accept(visitor);
            Assert.NotEmpty(visitor.Changes);
            Assert.All(visitor.Changes, c => Assert.True(c.Guarded, $"{c.Kind} at line {c.Line} is not inside an IF"));
        }

        [Fact]
        public void TheCreateScriptHasAFilenamePlaceholderToEdit()
        {
            var script = SqlScripts.Read(SqlScripts.CreateDatabase);
            Assert.Contains("FILENAME = N'C:\\EDIT-ME\\", script);
        }

        [Fact]
        public void BothSchemasHaveTheSameColumns()
        {
            var sqlServer = new ChangeVisitor();
            Parse(SqlScripts.Read(SqlScripts.CreateDatabase)).Accept(sqlServer);
            var sqlite = SqlScripts.Read(SqlScripts.SqliteSchema);
            Assert.Equal(20, sqlServer.SecretsColumns.Count);
            Assert.All(sqlServer.SecretsColumns, c => Assert.Contains("\n    " + c + " ", sqlite));
            var tables = System.Text.RegularExpressions.Regex.Matches(SqlScripts.Read(SqlScripts.CreateDatabase), @"CREATE TABLE dbo\.(\w+)")
                .Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.Equal(new[] { "Secrets", "Metadata", "RecoveryCodes", "Devices", "FirstSightings", "RolloutReports", "SchemaVersion" }, tables);
            Assert.All(tables, t => Assert.Contains("CREATE TABLE IF NOT EXISTS " + t + " (", sqlite));
        }

        [Fact]
        public void TheUpgradeScriptEndsWithTheColumnsOfTheCreateScript()
        {
            var created = new ChangeVisitor();
            Parse(SqlScripts.Read(SqlScripts.CreateDatabase)).Accept(created);
            var upgraded = new ChangeVisitor();
            Parse(SqlScripts.Read(SqlScripts.Upgrade)).Accept(upgraded);
            Assert.Equal(created.SecretsColumns.OrderBy(c => c), upgraded.SecretsColumns.Distinct().OrderBy(c => c));
        }

        private sealed class ChangeVisitor : TSqlFragmentVisitor
        {
            private int _ifDepth;
            public List<(string Kind, int Line, bool Guarded)> Changes { get; } = new List<(string, int, bool)>();
            public List<string> SecretsColumns { get; } = new List<string>();

            public override void ExplicitVisit(IfStatement node)
            {
                _ifDepth++;
                base.ExplicitVisit(node);
                _ifDepth--;
            }

            public override void Visit(CreateTableStatement node)
            {
                Changes.Add(("CREATE TABLE", node.StartLine, _ifDepth > 0));
                if (node.SchemaObjectName.BaseIdentifier.Value == "Secrets")
                    SecretsColumns.AddRange(node.Definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value));
            }

            public override void Visit(AlterTableAddTableElementStatement node)
            {
                Changes.Add(("ALTER TABLE", node.StartLine, _ifDepth > 0));
                if (node.SchemaObjectName.BaseIdentifier.Value == "Secrets")
                    SecretsColumns.AddRange(node.Definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value));
            }
            public override void Visit(InsertStatement node) => Changes.Add(("INSERT", node.StartLine, _ifDepth > 0));
            public override void Visit(CreateDatabaseStatement node) => Changes.Add(("CREATE DATABASE", node.StartLine, _ifDepth > 0));
        }
    }
}
