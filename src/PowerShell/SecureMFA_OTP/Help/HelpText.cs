namespace SecureMFA.Cmdlets.Help
{
    /// <summary>Help text several cmdlets share, so they say it alike.</summary>
    public static class HelpText
    {
        public const string UpnInputs =
            "UPNs as strings, or any object with a Upn or UserPrincipalName property (bound by property name): Get-xOTP_User output, " +
            "Import-Csv rows with a Upn or UserPrincipalName column, Get-ADUser results.";

        public const string UpnCompletion =
            "-Upn tab-completes from the store of the configuration given on the command line (or the default copy).";
    }
}
