using System.Text.Json;
using Azure.Core;
using Microsoft.AspNetCore.Mvc;
using TaskForce.Integration.Tests.Cases;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Cases.CaseApi;
using static TaskForce.Integration.Tests.Cases.CaseTestData;

namespace TaskForce.Integration.Tests.Resilience;

/// <summary>Intake (POST /api/cases through CreateCaseUseCase) while 20% of storage calls fail — half with 503 before
/// reaching the service, half losing the response after the write committed. A client that retries each request with
/// its Idempotency-Key until it gets an answer ends with every case stored exactly once: no duplicate, none missing.</summary>
[Collection(StorageGroup.Name)]
public sealed class IntakeFaultInjectionTests(AzuriteFixture storage)
{
    private const int Cases = 40;

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public async Task PostCase_StoresEveryCaseOnce_GivenTwentyPercentOfCallsFailingAndClientRetries(int seed)
    {
        var faults = new FaultInjectionPolicy(0.2, seed);
        var options = TaskForceTables.DefaultClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(5);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        options.AddPolicy(faults, HttpPipelinePosition.PerRetry);
        var api = new CaseApi(await storage.NewTablesAsync(options));

        var ids = new List<string>();
        int clientRetries = 0;
        for (int i = 1; i <= Cases; i++)
        {
            string key = $"intake-{seed}-{i:00}";
            string body = Body(Intake(null));
            for (int attempt = 1; ; attempt++)
            {
                Assert.True(attempt <= 25, $"{key}: no answer after 25 attempts");
                IActionResult result;
                try
                {
                    result = await api.PostAsync(OwnerWorker, body, ("Idempotency-Key", key));
                }
                catch (Azure.RequestFailedException)
                {
                    clientRetries++;
                    continue; // the SDK's retries were exhausted: the client retries with the same key
                }

                if (result is ObjectResult { StatusCode: >= 500 })
                {
                    clientRetries++;
                    continue;
                }

                ids.Add(JsonOf(result, 201).GetProperty("id").GetString()!);
                break;
            }
        }

        Assert.True(faults.RejectedBeforeSending > 0 && faults.LostAfterCommit > 0, $"faults injected: {faults.RejectedBeforeSending} + {faults.LostAfterCommit} of {faults.Calls}");
        Assert.Equal(Cases, ids.Distinct(StringComparer.Ordinal).Count());

        // Read back (reads are retried by the SDK; a read that still fails is simply repeated).
        var listed = await RetryAsync(async () => JsonOf(await api.Functions.ListCasesAsync(Request("GET", Coordinator, null, "?limit=100"), CancellationToken.None), 200));
        var stored = listed.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal).ToList(), stored);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("next_cursor").ValueKind);
        foreach (string id in ids)
        {
            var doc = await RetryAsync(async () => JsonOf((await api.GetAsync(OwnerWorker, id)).Result, 200));
            Assert.Equal(VictimName, doc.GetProperty("victims")[0].GetProperty("identity").GetProperty("full_name").GetString());
        }
    }

    private static async Task<T> RetryAsync<T>(Func<Task<T>> read)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await read();
            }
            catch (Azure.RequestFailedException) when (attempt < 10)
            {
            }
        }
    }
}
