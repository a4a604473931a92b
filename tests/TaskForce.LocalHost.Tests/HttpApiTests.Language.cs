using System.Net;
using System.Text.Json.Nodes;
using TaskForce.Functions.Http;

namespace TaskForce.LocalHost.Tests;

/// <summary>The language of answers over real HTTP (ADR-030): <c>Accept-Language</c> chooses Bahasa Indonesia or
/// English for problem <c>title</c> and <c>detail</c>, Indonesian by default; <c>type</c>, <c>status</c> and the field
/// named in <c>errors</c> are the same in both, and <c>Content-Language</c> says which was chosen.</summary>
public sealed partial class HttpApiTests
{
    [Theory]
    [InlineData("id", "id", "Permintaan tidak sah.", "'XX' bukan kode negara ISO 3166-1 alpha-2")]
    [InlineData("id-ID, en;q=0.5", "id", "Permintaan tidak sah.", "'XX' bukan kode negara ISO 3166-1 alpha-2")]
    [InlineData("en", "en", "The request is not valid.", "'XX' is not an assigned ISO 3166-1 alpha-2 country code")]
    [InlineData("en-GB, id;q=0.8", "en", "The request is not valid.", "'XX' is not an assigned ISO 3166-1 alpha-2 country code")]
    [InlineData("id;q=0.2, en;q=0.9", "en", "The request is not valid.", "'XX' is not an assigned ISO 3166-1 alpha-2 country code")]
    [InlineData("fr", "id", "Permintaan tidak sah.", "'XX' bukan kode negara ISO 3166-1 alpha-2")]
    [InlineData("*", "id", "Permintaan tidak sah.", "'XX' bukan kode negara ISO 3166-1 alpha-2")]
    [InlineData("", "id", "Permintaan tidak sah.", "'XX' bukan kode negara ISO 3166-1 alpha-2")]
    public async Task PostCase_Returns400InTheChosenLanguageWithTheSameField_GivenAcceptLanguage(string acceptLanguage, string language, string title, string detailStart)
    {
        using var worker = host.Client("worker-1");
        worker.DefaultRequestHeaders.AcceptLanguage.Clear();
        var intake = JsonNode.Parse(Intake(NewId()))!;
        intake["victims"]![0]!["citizenship"] = "XX";

        var response = await SendAsync(worker, HttpMethod.Post, "cases", intake.ToJsonString(), headers: acceptLanguage.Length == 0 ? [] : [("Accept-Language", acceptLanguage)]);

        var problem = await ExpectAsync(response, HttpStatusCode.BadRequest, "post", "/cases");
        Assert.Equal(language, Assert.Single(response.Content.Headers.ContentLanguage));
        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.Equal("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1", problem.GetProperty("type").GetString());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.StartsWith(detailStart, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var field = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal("victims[0].citizenship", field.Name);
        Assert.StartsWith(detailStart, field.Value[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCase_Returns404InIndonesian_GivenNoAcceptLanguage()
    {
        using var worker = host.Client("worker-1");
        worker.DefaultRequestHeaders.AcceptLanguage.Clear();

        var response = await SendAsync(worker, HttpMethod.Get, "cases/case-http-none-here");

        var problem = await ExpectAsync(response, HttpStatusCode.NotFound, "get", "/cases/{id}");
        Assert.Equal("id", Assert.Single(response.Content.Headers.ContentLanguage));
        Assert.Equal("Tidak ditemukan.", problem.GetProperty("title").GetString());
        Assert.Equal("Tidak ada kasus yang tersimpan dengan id 'case-http-none-here'.", problem.GetProperty("detail").GetString());
    }
}
