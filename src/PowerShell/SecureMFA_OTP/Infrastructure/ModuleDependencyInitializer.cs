#if !NETFRAMEWORK
using System.Management.Automation;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>
    /// PowerShell 7 calls OnImport when it imports this assembly as a module, before any cmdlet runs: the moment to make the
    /// module's OS-specific dependencies loadable (<see cref="ModuleDependencyResolver"/>). Windows PowerShell 5.1 loads the
    /// net472 build, whose SQL and LDAP clients are part of .NET Framework, so that build has no such class.
    /// </summary>
    public sealed class ModuleDependencyInitializer : IModuleAssemblyInitializer
    {
        public void OnImport() => ModuleDependencyResolver.Register();
    }
}
#endif
