using TaskForce.Functions.Http;

namespace TaskForce.LocalHost.Tests;

public sealed class DevUsersTests
{
    [Theory]
    [InlineData("WEBSITE_SITE_NAME")]
    [InlineData("WEBSITE_INSTANCE_ID")]
    public void Parse_Throws_GivenAnAppServiceVariable(string variable)
    {
        var e = Assert.Throws<InvalidOperationException>(() => DevUsers.Parse(LocalHostFixture.DevUsersJson, name => name == variable ? "taskforce-prod" : null));
        Assert.Contains(variable, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Principal_DecodesToTheNamedPerson_GivenADevUser()
    {
        var users = DevUsers.Parse(LocalHostFixture.DevUsersJson, _ => null);
        var caller = ClientPrincipalReader.Decode(DevUsers.Principal(users.Users["worker-1"]));
        Assert.NotNull(caller);
        Assert.Equal("worker-1", caller.UserId);
        Assert.True(caller.IsOf("uptd_ppa_ttu"));
    }

    [Theory]
    [InlineData("""{"people": []}""")]
    [InlineData("""{"users": [{"agency": "x"}]}""")]
    [InlineData("""{"users": [{"name": "a"}, {"name": "a"}]}""")]
    [InlineData("not json")]
    public void Parse_Throws_GivenAMalformedFile(string json) =>
        Assert.Throws<InvalidOperationException>(() => DevUsers.Parse(json, _ => null));

    [Fact]
    public void Build_Throws_GivenNoFunctionKey() =>
        Assert.Throws<ArgumentException>(() => LocalApi.Build(new LocalHostOptions { Port = 0 }));
}
