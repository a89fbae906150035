using System;
using System.Collections.Generic;
using System.DirectoryServices.Protocols;
using System.Globalization;
using System.Linq;
using SecureMFA.Core.Events;

namespace SecureMFA.Core.Stores.Ldap
{
    /// <summary>
    /// Devices in Active Directory: one serviceConnectionPoint per device, CN=&lt;id&gt; under
    /// CN=Devices,CN=SecureMFA OTP,CN=Program Data,&lt;domain&gt; (ad-schema/SecureMFA_OTP_container.ldf). displayName holds
    /// the machine name, serviceBindingInformation the protected device key, and keywords "name=value" pairs. Each
    /// changing pair (revoked, lastSeen, lastIp) is created with an empty value and always has exactly one value, so a
    /// change is a compare-and-swap: one modify deletes the exact value read and adds the new one, and a server that
    /// lost a race to another fails as a whole instead of leaving two values.
    /// </summary>
    public sealed class LdapDeviceRegistry : IDeviceRegistry
    {
        private const string TimeFormat = "yyyyMMddHHmmss.fff'Z'";
        private const string KeyAttribute = "serviceBindingInformation";
        private const string MachineAttribute = "displayName";
        private const string PairsAttribute = "keywords";
        private const string Marker = "SecureMFA-OTP-Device";
        private const string MachineSid = "machineSid";
        private const string Created = "created";
        private const string Revoked = "revoked";
        private const string LastSeen = "lastSeen";
        private const string LastIp = "lastIp";
        private static readonly string[] Attributes = { "cn", MachineAttribute, KeyAttribute, PairsAttribute };
        private readonly DomainControllerConnections _connections;
        private string? _folder;

        /// <param name="events">where a failover from the PDC emulator is reported; by default the platform's event destination.</param>
        public LdapDeviceRegistry(LdapConnectionSettings settings, IEventSink? events = null)
            : this(new DomainControllerChoice(settings, events ?? EventSinks.ForPlatform())) { }

        /// <summary>
        /// With the domain controller choice given. Its compare-and-swaps (revoke, last seen) hold on one DC only, so they
        /// go to the PDC emulator like the users' do.
        /// </summary>
        public LdapDeviceRegistry(DomainControllerChoice domainControllers) =>
            _connections = new DomainControllerConnections(domainControllers, "device registry");

        public bool Add(Device device)
        {
            if (!DeviceId.IsWellFormed(device.Id)) throw new ArgumentException($"\"{device.Id}\" is not a device id.", nameof(device));
            return Run(() =>
            {
                var request = new AddRequest(Dn(device.Id),
                    new DirectoryAttribute("objectClass", "serviceConnectionPoint"),
                    new DirectoryAttribute(MachineAttribute, device.Machine),
                    new DirectoryAttribute(KeyAttribute, device.ProtectedKey),
                    new DirectoryAttribute(PairsAttribute, Marker, Pair(MachineSid, device.MachineSid), Pair(Created, Time(device.Created)),
                        Pair(Revoked, ""), Pair(LastSeen, ""), Pair(LastIp, "")));
                try
                {
                    Connection().SendRequest(request);
                    return true;
                }
                catch (DirectoryOperationException ex) when (ex.Response?.ResultCode == ResultCode.EntryAlreadyExists)
                {
                    return false;
                }
                catch (DirectoryOperationException ex) when (LdapProductContainer.IsMissingOrClosed(ex))
                {
                    throw LdapProductContainer.Unusable("The device", Folder(), "WEB API service account", ex);
                }
            });
        }

        public Device? Find(string id) => DeviceId.IsWellFormed(id) ? Run(() => Read(id)?.Device) : null;

        public IReadOnlyList<Device> List() => Run(() =>
        {
            var request = new SearchRequest(Folder(), $"(&(objectClass=serviceConnectionPoint)({PairsAttribute}={Marker}))", SearchScope.OneLevel, Attributes);
            List<SearchResultEntry> entries;
            try { entries = LdapPagedSearch.All(Connection(), request); }
            catch (DirectoryOperationException ex) when (ex.Response?.ResultCode == ResultCode.NoSuchObject) { return (IReadOnlyList<Device>)Array.Empty<Device>(); }
            return entries.Select(e => ToDevice(e).Device).OrderBy(d => d.Created).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
        });

        public bool Revoke(string id, DateTime utcNow)
        {
            if (!DeviceId.IsWellFormed(id)) return false;
            return Run(() =>
            {
                for (var attempt = 0; attempt < 10; attempt++)
                {
                    var current = Read(id);
                    if (current == null) return false;
                    if (current.Device.IsRevoked) return true;
                    if (Swap(id, (Revoked, current.Pairs[Revoked], Time(utcNow)))) return true;
                }
                throw new StoreUnavailableException($"The directory kept changing device {id}; gave up revoking it.");
            });
        }

        /// <summary>One modify deleting the exact key read and adding the new one: a concurrent change makes it fail as a whole.</summary>
        public bool ReplaceKey(string id, string currentProtected, string newProtected)
        {
            if (!DeviceId.IsWellFormed(id)) return false;
            return Run(() =>
            {
                var request = new ModifyRequest(Dn(id));
                var delete = new DirectoryAttributeModification { Name = KeyAttribute, Operation = DirectoryAttributeOperation.Delete };
                delete.Add(currentProtected);
                var add = new DirectoryAttributeModification { Name = KeyAttribute, Operation = DirectoryAttributeOperation.Add };
                add.Add(newProtected);
                request.Modifications.Add(delete);
                request.Modifications.Add(add);
                try
                {
                    Connection().SendRequest(request);
                    return true;
                }
                catch (DirectoryOperationException ex) when (ex.Response != null &&
                    (ex.Response.ResultCode == ResultCode.NoSuchAttribute || ex.Response.ResultCode == ResultCode.NoSuchObject || ex.Response.ResultCode == ResultCode.AttributeOrValueExists))
                {
                    return false;
                }
            });
        }

        public bool Touch(string id, DateTime utcNow, string? clientIp, TimeSpan minimumInterval)
        {
            if (!DeviceId.IsWellFormed(id)) return false;
            return Run(() =>
            {
                var current = Read(id);
                if (current == null || current.Device.LastSeen.HasValue && current.Device.LastSeen.Value > utcNow - minimumInterval) return false;
                var ip = LogonAttempt.Truncate(clientIp, LogonAttempt.MaxClientIpLength) ?? "";
                // Losing the race means another server has just recorded it: nothing to retry.
                return Swap(id, (LastSeen, current.Pairs[LastSeen], Time(utcNow)), (LastIp, current.Pairs[LastIp], ip));
            });
        }

        public void Dispose() => _connections.Dispose();

        /// <summary>One modify replacing each pair's value read with the new one; false when another writer changed one first.</summary>
        private bool Swap(string id, params (string Name, string Old, string New)[] changes)
        {
            var request = new ModifyRequest(Dn(id));
            foreach (var (name, old, value) in changes)
            {
                if (old == value) continue;
                request.Modifications.Add(Modification(DirectoryAttributeOperation.Delete, Pair(name, old)));
                request.Modifications.Add(Modification(DirectoryAttributeOperation.Add, Pair(name, value)));
            }
            if (request.Modifications.Count == 0) return true;
            try
            {
                Connection().SendRequest(request);
                return true;
            }
            catch (DirectoryOperationException ex) when (ex.Response != null &&
                (ex.Response.ResultCode == ResultCode.NoSuchAttribute || ex.Response.ResultCode == ResultCode.AttributeOrValueExists))
            {
                return false;
            }
        }

        private static DirectoryAttributeModification Modification(DirectoryAttributeOperation operation, string value)
        {
            var modification = new DirectoryAttributeModification { Name = PairsAttribute, Operation = operation };
            modification.Add(value);
            return modification;
        }

        private StoredDevice? Read(string id)
        {
            try
            {
                var response = (SearchResponse)Connection().SendRequest(new SearchRequest(Dn(id), "(objectClass=serviceConnectionPoint)", SearchScope.Base, Attributes));
                return response.Entries.Count == 0 ? null : ToDevice(response.Entries[0]);
            }
            catch (DirectoryOperationException ex) when (ex.Response?.ResultCode == ResultCode.NoSuchObject)
            {
                return null;
            }
        }

        private static StoredDevice ToDevice(SearchResultEntry entry)
        {
            string? Single(string name) => LdapEntryText.First(entry, name);
            var pairs = new Dictionary<string, string>(StringComparer.Ordinal) { [Revoked] = "", [LastSeen] = "", [LastIp] = "", [MachineSid] = "", [Created] = "" };
            if (entry.Attributes.Contains(PairsAttribute))
                foreach (var value in entry.Attributes[PairsAttribute].GetValues(typeof(string)).Cast<string>())
                {
                    var separator = value.IndexOf('=');
                    if (separator > 0) pairs[value.Substring(0, separator)] = value.Substring(separator + 1);
                }
            var device = new Device
            {
                Id = Single("cn") ?? "",
                Machine = Single(MachineAttribute) ?? "",
                ProtectedKey = Single(KeyAttribute) ?? "",
                MachineSid = pairs[MachineSid],
                Created = ParseTime(pairs[Created]) ?? DateTime.MinValue,
                Revoked = ParseTime(pairs[Revoked]),
                LastSeen = ParseTime(pairs[LastSeen]),
                LastIp = pairs[LastIp].Length == 0 ? null : pairs[LastIp],
            };
            return new StoredDevice(device, pairs);
        }

        private static string Pair(string name, string value) => name + "=" + value;

        private static string Time(DateTime utc) => utc.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture);

        private static DateTime? ParseTime(string text) => text.Length == 0 ? (DateTime?)null
            : DateTime.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        private string Dn(string id) => "CN=" + id + "," + Folder();

        private string Folder() => _folder ?? (_folder = LdapProductContainer.DevicesFolder(_connections.DomainNamingContext()));

        private LdapConnection Connection() => _connections.Connection();

        private T Run<T>(Func<T> work) => _connections.Run(work);

        /// <summary>A device as read, with the raw pair values a compare-and-swap must delete.</summary>
        private sealed class StoredDevice
        {
            public StoredDevice(Device device, Dictionary<string, string> pairs) => (Device, Pairs) = (device, pairs);

            public Device Device { get; }
            public Dictionary<string, string> Pairs { get; }
        }
    }
}
