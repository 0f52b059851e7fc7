using Arena.Worker.Hosting;
using MassTransit;
using Microsoft.Extensions.Hosting;

// The worker on its own: consumes bakes and chat replies from RabbitMQ (or the in-memory bus for a smoke run).
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddArenaWorker(builder.Configuration);
builder.Services.AddMassTransit(x =>
{
    // MassTransit otherwise reports usage to its vendor over the internet at start-up.
    x.DisableUsageTelemetry();
    x.AddArenaWorkerConsumers();
    x.UsingArenaBus(builder.Configuration);
});
builder.Build().Run();
