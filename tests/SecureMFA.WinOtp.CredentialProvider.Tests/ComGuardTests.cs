using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using SecureMFA.WinOtp.CredentialProvider.Com;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Services;
using SecureMFA.WinOtp.CredentialProvider.Tests.Fakes;
using SecureMFA.WinOtp.Events;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.CredentialProvider.Tests
{
    /// <summary>
    /// LogonUI must never see an exception. By reflection over every method of every COM interface of every
    /// COM-visible class of the shell: (1) a failure injected at the start of each method's body comes back as a
    /// failure HRESULT with safe out values; (2) with WinOtp.Core, the wrapped Password provider and LogonUI's
    /// callbacks all throwing, no call throws, and a call fails exactly when something it called threw (event 5553).
    /// </summary>
    public class ComGuardTests
    {
        private sealed class World
        {
            public World()
            {
                Tile = new TileHarness();
                Services = new ShellServices(() => Logon, Tile.Password, Tile.Computer.Session, Tile.Boot, Tile.Unprotector, Tile.Launcher, Tile.Events)
                { UiLanguage = () => Tile.Computer.Language };
                Provider = new WinOtpCredentialProvider(Services);
                Assert.Equal(HResult.S_OK, Provider.SetUsageScenario(CredentialProviderUsageScenario.Logon, 0));
                Assert.Equal(HResult.S_OK, Provider.GetCredentialCount(out _, out _, out _));
                Provider.GetCredentialAt(0, out var credential);
                Credential = (WinOtpCredential)credential!;
                Assert.Equal(HResult.S_OK, Credential.Advise(Tile.LogonUi));
                Filter = new WinOtpCredentialProviderFilter(Services);
                Events = new WrappedCredentialEvents(Credential, Tile.LogonUi, Services);
                Unavailable = new UnavailableCredential(CredentialProvider.Tile.UnavailableTile.Fields, CredentialProvider.Tile.UnavailableTile.MessageId, CredentialProvider.Tile.UnavailableTile.TitleId, "cannot start", Services);
            }

            public TileHarness Tile { get; }
            public ThrowingTileLogon Logon { get; } = new ThrowingTileLogon();
            public ShellServices Services { get; }
            public WinOtpCredentialProvider Provider { get; }
            public WinOtpCredential Credential { get; }
            public WinOtpCredentialProviderFilter Filter { get; }
            public WrappedCredentialEvents Events { get; }
            public UnavailableCredential Unavailable { get; }

            public object[] Instances => new object[] { Provider, Credential, Filter, Events, Unavailable };

            public void BreakEverything()
            {
                Logon.Throw = true;
                Tile.Password.Throw = true;
                Tile.LogonUi.Throw = true;
                Tile.Unprotector.Throw = true;
            }
        }

        private static IEnumerable<(object Instance, Type Interface, MethodInfo Method)> ComMethods(World world)
        {
            foreach (var instance in world.Instances)
                foreach (var iface in instance.GetType().GetInterfaces().Where(i => i.GetCustomAttribute<ComImportAttribute>() != null))
                {
                    var map = instance.GetType().GetInterfaceMap(iface);
                    for (var i = 0; i < map.InterfaceMethods.Length; i++) yield return (instance, iface, map.TargetMethods[i]);
                }
        }

        private static object?[] Arguments(MethodInfo method, World world) => method.GetParameters().Select(p =>
        {
            var type = p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType;
            if (type == typeof(string)) return p.IsOut ? null : "x";
            if (type == typeof(Guid[])) return new Guid[1];
            if (type == typeof(int[])) return new[] { 1 };
            if (type == typeof(ICredentialProviderCredentialEvents)) return world.Tile.LogonUi;
            if (type == typeof(CredentialProviderUsageScenario)) return CredentialProviderUsageScenario.Logon;
            if (!type.IsValueType) return null;
            return Activator.CreateInstance(type);
        }).ToArray();

        [Fact]
        public void EveryComVisibleClassOfTheShellIsCovered()
        {
            var world = new World();
            var visible = typeof(WinOtpCredentialProvider).Assembly.GetTypes()
                .Where(t => t.IsClass && t.GetCustomAttribute<ComVisibleAttribute>()?.Value == true).Select(t => t.Name).OrderBy(n => n);
            Assert.Equal(visible, world.Instances.Select(i => i.GetType().Name).OrderBy(n => n));
            // provider 8 + SetUserArray; credential 18 + GetFieldOptions; filter 2; wrapped events 13; the unavailable tile 18
            Assert.Equal(8 + 1 + 18 + 1 + 2 + 13 + 18, ComMethods(world).Select(m => m.Method).Distinct().Count());
        }

        [Fact]
        public void AFailureInsideAnyMethodBecomesAFailureHresultWithSafeOutValues()
        {
            var world = new World();
            world.Services.OnComCall = name => throw new InvalidOperationException("injected into " + name);
            var checkedMethods = 0;
            foreach (var (instance, iface, method) in ComMethods(world))
            {
                var arguments = Arguments(method, world);
                object? result = null;
                var call = Record.Exception(() => result = method.Invoke(instance, arguments));
                Assert.True(call == null, iface.Name + "." + method.Name + " threw " + call);
                var hr = Assert.IsType<int>(result);
                // Where the provider serves a scenario it shows a tile whatever fails inside (the floor tile).
                if (instance is WinOtpCredentialProvider && (method.Name == "SetUsageScenario" || method.Name == "GetCredentialCount"))
                {
                    Assert.True(hr == HResult.S_OK, iface.Name + "." + method.Name + " returned " + hr);
                    checkedMethods++;
                    continue;
                }
                Assert.True(hr < 0, iface.Name + "." + method.Name + " returned " + hr);
                foreach (var (parameter, value) in method.GetParameters().Zip(arguments))
                {
                    if (!parameter.IsOut) continue;
                    if (value is IntPtr pointer) Assert.Equal(IntPtr.Zero, pointer);
                    else if (value is CredentialSerialization serialization) Assert.Equal(IntPtr.Zero, serialization.Serialization);
                    else if (value is CredentialProviderGetSerializationResponse response) Assert.Equal(CredentialProviderGetSerializationResponse.NoCredentialNotFinished, response);
                    else if (parameter.ParameterType.GetElementType() == typeof(string) || !parameter.ParameterType.GetElementType()!.IsValueType) Assert.Null(value);
                }
                checkedMethods++;
            }
            Assert.True(checkedMethods >= 42);
            Assert.True(world.Tile.Events.Messages(WinOtpEventId.ProviderFailed).Count() >= checkedMethods);
        }

        [Fact]
        public void WhenEverythingBehindTheShellThrowsNoCallThrowsAndFailuresAreReported()
        {
            var world = new World();
            world.BreakEverything();
            var failed = new List<string>();
            foreach (var (instance, iface, method) in ComMethods(world))
            {
                var before = world.Tile.Events.Events.Count;
                object? result = null;
                var call = Record.Exception(() => result = method.Invoke(instance, Arguments(method, world)));
                Assert.True(call == null, iface.Name + "." + method.Name + " threw " + call);
                var hr = Assert.IsType<int>(result);
                var reported = world.Tile.Events.Events.Skip(before).Any(e => e.Id == WinOtpEventId.ProviderFailed);
                // A failure of WinOtp.Core's decision is a decision too (a code is required, the provider's floor tile shows):
                // the filter filters and the provider serves with S_OK.
                var floor = instance is WinOtpCredentialProvider && (method.Name == "SetUsageScenario" || method.Name == "GetCredentialCount")
                    || instance is WinOtpCredentialProviderFilter && method.Name == "Filter";
                // Otherwise an exception always becomes a failure; a failure without one is a deliberate refusal of the call.
                if (floor) Assert.True(hr == HResult.S_OK, iface.Name + "." + method.Name + " returned " + hr);
                else if (reported) Assert.True(hr < 0, iface.Name + "." + method.Name + " reported an exception but returned " + hr);
                else if (hr < 0) Assert.True(hr == HResult.E_NOTIMPL || hr == HResult.E_INVALIDARG, iface.Name + "." + method.Name + " failed with " + hr + " without an exception");
                if (hr < 0) failed.Add(instance.GetType().Name + "." + method.Name);
            }
            // Everything the tile forwards failed with its dependency (field 0 is a wrapped field).
            foreach (var name in new[] { "GetSerialization", "ReportResult", "GetStringValue", "SetStringValue", "CommandLinkClicked", "Advise", "GetUserSid" })
                Assert.Contains("WinOtpCredential." + name, failed);
            Assert.DoesNotContain("WinOtpCredentialProvider.SetUsageScenario", failed);
            Assert.Contains(world.Tile.Events.Messages(WinOtpEventId.ProviderFailed), m => m.Contains("SecureMFA WIN OTP cannot start:"));
            Assert.Contains("WrappedCredentialEvents.SetFieldString", failed);
        }

        [Fact]
        public void AFailureWhileCheckingACodeHandsNoSerializationToLogonUi()
        {
            var world = new World();
            world.Tile.Unprotector.Throw = true;
            Assert.Equal(HResult.S_OK, world.Credential.SetStringValue(FakePasswordProvider.UserNameId, "alice"));
            var hr = world.Credential.GetSerialization(out var response, out var serialization, out var text, out _);
            Assert.True(hr < 0);
            Assert.Equal(CredentialProviderGetSerializationResponse.NoCredentialNotFinished, response);
            Assert.Equal(IntPtr.Zero, serialization.Serialization);
            Assert.Null(text);
        }
    }
}
