using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using SecureMFA.Cmdlets.Help;
using SecureMFA.Cmdlets.Infrastructure;

namespace SecureMFA.Cmdlets
{
    [Cmdlet(VerbsLifecycle.Uninstall, "SecureMfaOtpProvider", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [CmdletHelp("Removes the SecureMFA OTP adapter from AD FS.",
        "On the main node: removes the provider from the global authentication policy lists (keeping the others), unregisters it, restarts the " +
        "AD FS service so it lets go of the assembly, then removes the SecureMFA assemblies from the GAC. With -NotMainNode: restart and GAC " +
        "removal only. Third-party assemblies (Otp.NET, QRCoder, SQLite) stay in the GAC, as other software may use them. OTP users and their " +
        "secrets are not touched.")]
    [CmdletExample("Uninstall-SecureMfaOtpProvider", "On the primary AD FS server.")]
    [CmdletExample("Uninstall-SecureMfaOtpProvider -NotMainNode -Confirm:$false", "On the other servers, without asking.")]
    public sealed class UninstallProviderCommand : PSCmdlet
    {
        [Parameter(HelpMessage = "This is not the main node: restart AD FS and remove the assemblies from the GAC only.")]
        public SwitchParameter NotMainNode { get; set; }

        protected override void ProcessRecord()
        {
            var farm = new AdfsFarm(this);
            if (!NotMainNode)
            {
                foreach (var list in AdfsFarm.PolicyLists)
                {
                    var providers = farm.PolicyList(list);
                    var kept = providers.Where(p => !string.Equals(p, ModulePaths.ProviderName, StringComparison.OrdinalIgnoreCase)).ToList();
                    if (kept.Count != providers.Count && ShouldProcess("global authentication policy", $"Remove {ModulePaths.ProviderName} from {list}"))
                        farm.SetPolicyList(list, kept);
                }
                if (farm.IsRegistered() && ShouldProcess(ModulePaths.ProviderName, "Unregister from the AD FS farm")) farm.Unregister();
            }
            if (ShouldProcess(AdfsFarm.ServiceName, "Restart the AD FS service")) farm.RestartService();
            foreach (var assembly in AdfsFarm.AdapterAssemblies().Where(a => Path.GetFileName(a).StartsWith("SecureMFA.", StringComparison.OrdinalIgnoreCase)))
                if (ShouldProcess(assembly, "Remove from the GAC")) farm.RemoveFromGac(assembly);
        }
    }
}
