using System;
using System.IO;
using SecureMFA.Testing;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>The built programs these tests run as processes.</summary>
    internal static class BuildOutput
    {
        /// <summary>The API as published: src/WebApi/bin/&lt;configuration&gt;/net10.0.</summary>
        public static string ApiDll => Path.Combine(RepositoryPaths.Output("src/WebApi", "net10.0"), "SecureMFA.WebApi.dll");

        public static string DocClientDll => Path.Combine(RepositoryPaths.Output("tests/SecureMFA.WebApi.DocClient", "net10.0"), "SecureMFA.WebApi.DocClient.dll");
    }
}
