// The public AD FS external authentication API surface, declared for compilation only (see ADFS-API.md).
using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Security.Claims;

namespace Microsoft.IdentityServer.Web.Authentication.External
{
    public interface IAuthenticationAdapter
    {
        IAuthenticationAdapterMetadata Metadata { get; }
        IAdapterPresentation BeginAuthentication(Claim identityClaim, HttpListenerRequest request, IAuthenticationContext context);
        bool IsAvailableForUser(Claim identityClaim, IAuthenticationContext context);
        void OnAuthenticationPipelineLoad(IAuthenticationMethodConfigData configData);
        void OnAuthenticationPipelineUnload();
        IAdapterPresentation OnError(HttpListenerRequest request, ExternalAuthenticationException ex);
        IAdapterPresentation TryEndAuthentication(IAuthenticationContext context, IProofData proofData, HttpListenerRequest request, out Claim[] claims);
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

    public interface IProofData
    {
        IDictionary<string, object> Properties { get; }
    }

    public interface IAuthenticationMethodConfigData
    {
        Stream Data { get; }
    }

    public class ExternalAuthenticationException : Exception
    {
        public ExternalAuthenticationException() { }

        public ExternalAuthenticationException(string message, IAuthenticationContext context) : base(message)
        {
            if (context == null) throw new ArgumentNullException(nameof(context));
            Context = context;
        }

        public ExternalAuthenticationException(string message, Exception innerException, IAuthenticationContext context) : base(message, innerException)
        {
            Context = context;
        }

        public IAuthenticationContext Context { get; }
    }
}
