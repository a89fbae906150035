using System.ComponentModel;

namespace SecureMFA.Cmdlets.Output
{
    /// <summary>One step of Install-ADFS_Demo_with_OTP or Uninstall-ADFS_Demo_with_OTP: which (Step), what became of it (Action), and the detail.</summary>
    [Description("One object per step of the demo farm: Step (AD FS role, AD FS farm, OTP database, Provider configuration, OTP provider, " +
        "IIS role, Application group, Web portal), Action (Installed, Created, Registered, Deployed, Already done, Already there, Removed, Left ...) " +
        "and Detail (what was done, with what).")]
    public sealed class DemoFarmStep
    {
        public DemoFarmStep(string step, string action, string detail) => (Step, Action, Detail) = (step, action, detail);

        public string Step { get; }
        public string Action { get; }
        public string Detail { get; }

        public override string ToString() => $"{Step}: {Action} ({Detail})";
    }
}
