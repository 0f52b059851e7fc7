using Arena.Worker.Hosting;
using Microsoft.Extensions.Hosting;

// The worker on its own: consumes bakes and chat replies from RabbitMQ (or the in-memory bus for a smoke run).
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddArenaWorker(builder.Configuration);
builder.Services.AddArenaWorkerBus(builder.Configuration);
builder.Build().Run();
