using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using TaskForce.Application.Access;
using TaskForce.Functions.Http;

namespace TaskForce.Integration.Tests.Access;

/// <summary>Who is calling: the X-MS-CLIENT-PRINCIPAL reader and the claim rules (no storage needed).</summary>
public sealed class CallerTests
{
    // An App Service authentication principal as Entra ID delivers it (claim types from the platform's documentation).
    private const string EntraPrincipal = """
        {"auth_typ":"aad","name_typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
         "role_typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
         "claims":[
           {"typ":"http://schemas.microsoft.com/identity/claims/objectidentifier","val":"0f8e2a1c-7d3b-4c55-9a1e-1b2c3d4e5f60"},
           {"typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name","val":"staff@uptd.example"},
           {"typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","val":"case_worker"},
           {"typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","val":"Admin"},
           {"typ":"agency","val":"UPTD_PPA_TTU"}]}
        """;

    private static string B64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    private static HttpRequest Request(params string[] principals)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = "en"; // the English texts these tests assert (default: Indonesian)
        foreach (string p in principals)
        {
            context.Request.Headers.Append(ClientPrincipalReader.HeaderName, p);
        }

        return context.Request;
    }

    [Fact]
    public void Decode_ReadsUserAgencyAndKnownRoles_GivenAnEntraPrincipal()
    {
        var caller = ClientPrincipalReader.Decode(B64(EntraPrincipal));

        Assert.NotNull(caller);
        Assert.Equal("0f8e2a1c-7d3b-4c55-9a1e-1b2c3d4e5f60", caller.UserId);
        Assert.Equal("uptd_ppa_ttu", caller.Agency); // agency codes compare ignoring case; kept lower-case
        Assert.Equal([TaskForceRole.CaseWorker], caller.Roles); // "Admin" is not a TaskForce role
        Assert.Equal("aad", caller.AuthenticationType);
        Assert.False(caller.IsCoordinator);
    }

    [Fact]
    public void Decode_ReadsRolesOfThePrincipalsOwnRoleType()
    {
        string json = """{"auth_typ":"aad","role_typ":"groups_as_roles","claims":[{"typ":"sub","val":"u-7"},{"typ":"groups_as_roles","val":"coordinator"},{"typ":"roles","val":"statistician"}]}""";

        var caller = ClientPrincipalReader.Decode(B64(json))!;

        Assert.Equal("u-7", caller.UserId);
        Assert.Null(caller.Agency);
        Assert.Equal([TaskForceRole.Coordinator, TaskForceRole.Statistician], caller.Roles.Order());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("W10=")] // []
    [InlineData("eyJjbGFpbXMiOiJ4In0=")] // {"claims":"x"}
    [InlineData("eyJjbGFpbXMiOlt7InR5cCI6InJvbGVzIiwidmFsIjoiY29vcmRpbmF0b3IifV19")] // {"claims":[{"typ":"roles","val":"coordinator"}]}: no user id
    public void Decode_ReturnsNull_GivenAValueThatIsNotAPrincipalWithAUser(string? value)
    {
        Assert.Null(ClientPrincipalReader.Decode(value));
    }

    [Fact]
    public void Decode_IgnoresAMalformedAgencyClaim_AndRefusesAnOverlongUserId()
    {
        string badAgency = """{"claims":[{"typ":"oid","val":"u-1"},{"typ":"agency","val":"uptd ppa' or 1=1"}]}""";
        string longUser = "{\"claims\":[{\"typ\":\"oid\",\"val\":\"" + new string('u', 129) + "\"}]}";

        Assert.Null(ClientPrincipalReader.Decode(B64(badAgency))!.Agency);
        Assert.Null(ClientPrincipalReader.Decode(B64(longUser)));
    }

    [Fact]
    public void Read_TrustsTheHeaderOnlyWithAppServiceAuthentication_AndOnlyOnce()
    {
        string header = B64(EntraPrincipal);

        Assert.NotNull(new ClientPrincipalReader(true).Read(Request(header)));
        Assert.Null(new ClientPrincipalReader(false).Read(Request(header))); // forgeable without the platform in front
        Assert.Null(new ClientPrincipalReader(true).Read(Request()));
        Assert.Null(new ClientPrincipalReader(true).Read(Request(header, header)));
    }

    [Theory]
    [InlineData("True", true)]
    [InlineData("true", true)]
    [InlineData(" True ", true)]
    [InlineData("False", false)]
    [InlineData("1", false)]
    [InlineData(null, false)]
    public void FromConfiguration_ReadsWebsiteAuthEnabled(string? value, bool trusted)
    {
        var settings = new Dictionary<string, string?>();
        if (value is not null)
        {
            settings["WEBSITE_AUTH_ENABLED"] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        Assert.Equal(trusted, ClientPrincipalReader.FromConfiguration(configuration).Trusted);
    }
}
