using Arena.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddArenaWeb();

var app = builder.Build();
app.UseArenaWeb();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
