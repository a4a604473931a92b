using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime.Testing;
using TaskForce.Application.Detention;
using TaskForce.Domain.Common;
using TaskForce.Functions.Http;
using TaskForce.Integration.Tests.Detention;
using TaskForce.Integration.Tests.Infrastructure;

namespace TaskForce.Integration.Tests.Api;

/// <summary>The language of an HTTP answer (ADR-030): <c>Accept-Language</c> read as RFC 9110 §12.5.4 says (weights,
/// ranges matched by prefix, <c>*</c>), Bahasa Indonesia by default, applied by the one pipeline to problem titles and
/// details of a function called directly.</summary>
public sealed class RequestLanguageTests
{
    [Theory]
    [InlineData(null, "id")]
    [InlineData("", "id")]
    [InlineData("id", "id")]
    [InlineData("id-ID", "id")]
    [InlineData("en", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("EN-us", "en")]
    [InlineData("fr", "id")]
    [InlineData("fr, en;q=0.5", "en")]
    [InlineData("*", "id")]
    [InlineData("id;q=0.3, en;q=0.7", "en")]
    [InlineData("en;q=0.7, id;q=0.7", "en")] // equal weights: the order sent
    [InlineData("id;q=0, *", "en")] // Indonesian refused, so '*' is English
    [InlineData("en;q=0", "id")]
    [InlineData("de-DE, fr;q=0.9, en-GB;q=0.1", "en")]
    [InlineData("en;q=nonsense", "id")] // an unreadable header: the default
    public void Choose_ReturnsTheLanguage_GivenAnAcceptLanguageValue(string? header, string expected)
    {
        Assert.Equal(expected, RequestLanguage.Choose(header is null ? null : [header]).Name);
    }

    [Theory]
    [InlineData("id", "id", "Permintaan tidak sah.", "periods wajib diisi (larik periode penahanan).")]
    [InlineData("en", "en", "The request is not valid.", "periods is required (an array of detention periods).")]
    [InlineData("fr", "id", "Permintaan tidak sah.", "periods wajib diisi (larik periode penahanan).")]
    [InlineData(null, "id", "Permintaan tidak sah.", "periods wajib diisi (larik periode penahanan).")]
    public async Task PostDetentionCheck_Returns400InTheChosenLanguage_GivenAcceptLanguage(string? header, string language, string title, string detail)
    {
        var before = CultureInfo.CurrentUICulture;
        var request = Request("{}", header);

        var result = await new DetentionCheckFunctions(new DetentionCheckUseCase(new FakeClock(DetentionCheckCliTests.Now), DistrictTime.DefaultZone), TestPipeline.Trusted)
            .PostAsync(request, CancellationToken.None);

        var problem = Assert.IsType<ValidationProblemDetails>(Assert.IsType<ObjectResult>(result).Value);
        Assert.Equal(400, problem.Status);
        Assert.Equal("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1", problem.Type);
        Assert.Equal(title, problem.Title);
        Assert.Equal(detail, problem.Detail);
        Assert.Equal([detail], problem.Errors["periods"]);
        Assert.Equal(language, request.HttpContext.Response.Headers.ContentLanguage.ToString());
        Assert.Same(before, CultureInfo.CurrentUICulture); // the request's language does not leak to the caller
    }

    [Fact]
    public void ToProblem_WritesEveryStatusTitleInBothLanguages_GivenTheCulture()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = Texts.Indonesian;
            var id = (Microsoft.AspNetCore.Mvc.ProblemDetails)HttpPipeline.ToProblem(new InvalidOperationException("x")).Value!;
            CultureInfo.CurrentUICulture = Texts.English;
            var en = (Microsoft.AspNetCore.Mvc.ProblemDetails)HttpPipeline.ToProblem(new InvalidOperationException("x")).Value!;

            Assert.Equal(("Kesalahan server.", "Terjadi kesalahan yang tidak terduga; kesalahan itu telah dicatat dalam log. Jawaban ini tidak menguraikannya."), (id.Title, id.Detail));
            Assert.Equal(("Server error.", "An unexpected error occurred; it was logged. Nothing in this answer describes it."), (en.Title, en.Detail));
            Assert.Equal(id.Type, en.Type);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static HttpRequest Request(string body, string? acceptLanguage)
    {
        var context = new DefaultHttpContext();
        if (acceptLanguage is not null)
        {
            context.Request.Headers.AcceptLanguage = acceptLanguage;
        }

        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context.Request;
    }
}
