using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using SecureMFA.Cmdlets.Help;
using SecureMFA.Cmdlets.Infrastructure;
using SecureMFA.Cmdlets.Output;
using SecureMFA.Core.Stores;

namespace SecureMFA.Cmdlets
{
    [Cmdlet(VerbsData.Export, "xOTP_Report", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    [CmdletHelp("Writes the OTP users and the WEB API's computers as two CSV files, for a report.",
        "Writes users.csv (one row per OTP user: whether enrolled, status, the last sign-in with its time zone and its channel, AD FS " +
        "or WIN OTP, the computer of a WIN OTP sign-in, its address, the sign-in and failure counts, the recovery codes left) and " +
        "devices.csv (one row per computer registered with the SecureMFA WEB API: active or revoked, when it registered and was " +
        "last in contact, from where) into the folder -Path, as Export-Csv writes them (every field quoted, no type line; UTF-8 " +
        "with a byte order mark, which Excel reads), and returns the two files. The store records each user's last sign-in only, so LastChannel is the channel of that one. Reads only: it never creates " +
        "a store. Existing files of those names are replaced. Who ran a report is not audited (it changes nothing).",
        Outputs = "The two files written (System.IO.FileInfo): users.csv, then devices.csv.")]
    [CmdletExample("Export-xOTP_Report -Path C:\\Reports\\OTP", "Writes C:\\Reports\\OTP\\users.csv and devices.csv.")]
    [CmdletExample("Import-Csv (Export-xOTP_Report .\\report)[0] | Where-Object { -not [bool]::Parse($_.Enrolled) }",
        "Lists the users who have not enrolled yet, from the report just written.")]
    public sealed class ExportReportCommand : OtpStoreCmdlet
    {
        public const string UsersFile = "users.csv";
        public const string DevicesFile = "devices.csv";

        protected override bool ReadsOnly => true;

        [Parameter(Mandatory = true, Position = 0, HelpMessage = "The folder to write users.csv and devices.csv into (created if missing).")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        protected override void EndProcessing()
        {
            var folder = GetUnresolvedProviderPathFromPSPath(Path);
            var users = System.IO.Path.Combine(folder, UsersFile);
            var devices = System.IO.Path.Combine(folder, DevicesFile);
            if (ShouldProcess(folder, $"Write {UsersFile} and {DevicesFile}"))
            {
                ForUser("*", () =>
                {
                    var now = DateTime.UtcNow;
                    var userRows = Store.List(new UserQuery(), now).Select(u => OtpUserReportRow.From(u, now)).ToArray();
                    var deviceRows = Open(() => Deployment.Devices).List().Select(OtpDeviceReportRow.From).ToArray();
                    Directory.CreateDirectory(folder);
                    Write(userRows, users);
                    Write(deviceRows, devices);
                    WriteVerbose($"{userRows.Length} user(s) in {users}, {deviceRows.Length} device(s) in {devices}.");
                    WriteObject(new FileInfo(users));
                    WriteObject(new FileInfo(devices));
                });
            }
            base.EndProcessing();
        }

        /// <summary>
        /// As Export-Csv writes them, so Import-Csv reads them back in either edition: a header of the property names, every
        /// field quoted with inner quotes doubled, values as PowerShell shows them (True/False, times in this culture with
        /// their zone). Written here rather than by Export-Csv, which a host without the Utility module lacks.
        /// </summary>
        private static void Write<T>(T[] rows, string path)
        {
            var properties = typeof(T).GetProperties();
            var lines = new[] { string.Join(",", properties.Select(p => Quote(p.Name))) }
                .Concat(rows.Select(row => string.Join(",", properties.Select(p => Quote(Convert.ToString(p.GetValue(row), System.Globalization.CultureInfo.CurrentCulture) ?? "")))));
            File.WriteAllLines(path, lines, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        }

        private static string Quote(string field) => $"\"{field.Replace("\"", "\"\"")}\"";
    }
}
