// The public AD FS external authentication API surface, declared for compilation only. The contract is the real
// assembly: contracts/adfs/Microsoft.IdentityServer.Web.External.txt lists it, and a test fails on any difference.
using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Runtime.Serialization;
using System.Security.Claims;

namespace Microsoft.IdentityServer.Web.Authentication.External
{
    /// <summary>What AD FS calls on every provider, through this interface (AD FS 2016 and later).</summary>
    public interface IAuthenticationAdapterBase
    {
        IAuthenticationAdapterMetadata Metadata { get; }
        void OnAuthenticationPipelineLoad(IAuthenticationMethodConfigData configData);
        void OnAuthenticationPipelineUnload();
        IAdapterPresentation OnError(HttpListenerRequest request, ExternalAuthenticationException ex);
        IAdapterPresentation TryEndAuthentication(IAuthenticationContext context, IProofData proofData, HttpListenerRequest request, out Claim[] claims);
    }

    public interface IAuthenticationAdapter : IAuthenticationAdapterBase
    {
        IAdapterPresentation BeginAuthentication(Claim identityClaim, HttpListenerRequest request, IAuthenticationContext context);
        bool IsAvailableForUser(Claim identityClaim, IAuthenticationContext context);
    }

    public interface IAuthenticationAdapterMetadata
    {
        string AdminName { get; }
        string[] AuthenticationMethods { get; }
        int[] AvailableLcids { get; }
        Dictionary<int, string> FriendlyNames { get; }
        Dictionary<int, string> Descriptions { get; }
        string[] IdentityClaims { get; }
        bool RequiresIdentity { get; }
    }

    public interface IAdapterPresentation
    {
        string GetPageTitle(int lcid);
    }

    public interface IAdapterPresentationForm : IAdapterPresentation
    {
        string GetFormHtml(int lcid);
        string GetFormPreRenderHtml(int lcid);
    }

    public interface IAuthenticationContext
    {
        string ActivityId { get; }
        string ContextId { get; }
        int Lcid { get; }
        Dictionary<string, object> Data { get; }
    }

    /// <summary>A concrete Dictionary, as AD FS declares it: a call compiled against IDictionary does not bind there.</summary>
    public interface IProofData
    {
        Dictionary<string, object> Properties { get; }
    }

    public interface IAuthenticationMethodConfigData
    {
        Stream Data { get; }
    }

    [Serializable]
    public class ExternalAuthenticationException : Exception
    {
        public ExternalAuthenticationException() { }

        public ExternalAuthenticationException(IAuthenticationContext context)
        {
            Context = context;
        }

        public ExternalAuthenticationException(string message, IAuthenticationContext context) : base(message)
        {
            Context = context ?? throw new ArgumentNullException(nameof(context));
        }

        public ExternalAuthenticationException(string message, Exception innerException, IAuthenticationContext context) : base(message, innerException)
        {
            Context = context ?? throw new ArgumentNullException(nameof(context));
        }

#pragma warning disable SYSLIB0051, CS0672 // AD FS's assembly declares the serialization pair; obsolete only on .NET 8+.
        protected ExternalAuthenticationException(SerializationInfo info, StreamingContext context) : base(info, context) { }

        public override void GetObjectData(SerializationInfo info, StreamingContext context) => base.GetObjectData(info, context);
#pragma warning restore SYSLIB0051, CS0672

        public IAuthenticationContext Context { get; }
    }

    // AD FS's own implementations, public in its assembly and so declared here; providers never need them.

    [DataContract(Namespace = ContractNamespace)]
    public class AuthenticationContext : IAuthenticationContext, IExtensibleDataObject
    {
        public const string ContractNamespace = "http://schemas.datacontract.org/2012/04/ADFSAuthContext";

        public AuthenticationContext() { }

        public AuthenticationContext(int lcid)
        {
            Lcid = lcid;
        }

        public AuthenticationContext(IAuthenticationContext context)
        {
            ActivityId = context.ActivityId;
            ContextId = context.ContextId;
            Lcid = context.Lcid;
            Data = context.Data;
        }

        public string ActivityId { get; set; }
        public string ContextId { get; set; }
        public int Lcid { get; set; }
        public Dictionary<string, object> Data { get; set; } = new Dictionary<string, object>();
        public string UserIdentifier { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }

        public static AuthenticationContext CreateAuthContext(string serializedData, int lcid) =>
            throw new NotSupportedException("AD FS's protected context format is not modelled by the reference assembly.");
    }

    public class ProofData : IProofData
    {
        public Dictionary<string, object> Properties { get; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
    }

    public class AdapterPresentationWrapper : IAdapterPresentationForm
    {
        public AdapterPresentationWrapper(IAdapterPresentation presentation, string identifier, AuthenticationContext context) =>
            throw new NotSupportedException("AD FS's page wrapper is not modelled by the reference assembly.");

        public string GetPageTitle(int lcid) => throw new NotSupportedException();
        public string GetFormHtml(int lcid) => throw new NotSupportedException();
        public string GetFormPreRenderHtml(int lcid) => throw new NotSupportedException();
    }
}
