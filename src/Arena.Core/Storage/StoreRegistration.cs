using Arena.Core.Evaluations;
using Arena.Core.Accounts;
using Arena.Core.Bakes;
using Arena.Core.Battles;
using Arena.Core.Models;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Arena.Core.Storage;

/// <summary>Marten on PostgreSQL: the documents (users, models), the bake-job event streams and their inline projection.</summary>
public static class StoreRegistration
{
    public static IServiceCollection AddArenaStore(this IServiceCollection services, string connectionString, string schema = "arena")
    {
        services.AddMarten(opts => Configure(opts, connectionString, schema))
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup();
        services.AddOptions<BakeLimits>();
        services.AddScoped<IModelCatalog, ModelCatalog>();
        services.AddScoped<IAccountStore, AccountStore>();
        services.AddSingleton<HouseModels>();
        services.AddOptions<AccountLimits>();
        services.AddSingleton<LoginThrottle>();
        services.AddScoped<IBakeService, BakeService>();
        services.AddScoped<IBakeJournal, BakeJournal>();
        services.AddOptions<BakeRecoveryOptions>()
            .Validate(o => o.Problem() is null, "Arena:Bakes:Recovery: Lease and CheckInterval must be positive, CheckInterval shorter than Lease, MaxAttempts at least 1");
        services.AddScoped<BakeRecovery>();
        services.AddOptions<BattleOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<IBattleService, BattleService>();
        services.AddSingleton<LeaderboardSignal>();
        services.AddScoped<ILeaderboardService, LeaderboardService>();
        services.AddOptions<EvaluationLimits>();
        services.AddScoped<IEvaluationService, EvaluationService>();
        services.AddScoped<IEvaluationJournal, EvaluationJournal>();
        services.AddOptions<SuiteUploadLimits>();
        // Without the starter's rules an uploaded suite may not use rule checks; the web app registers them.
        services.TryAddSingleton<Arena.Evaluation.Checks.IRuleBook>(Arena.Evaluation.Checks.NoRules.Instance);
        services.AddScoped<ISuiteLibrary, SuiteLibrary>();
        return services;
    }

    public static void Configure(StoreOptions opts, string connectionString, string schema)
    {
        opts.Connection(connectionString);
        opts.DatabaseSchemaName = schema;
        opts.Events.DatabaseSchemaName = schema;
        opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        opts.Events.StreamIdentity = StreamIdentity.AsGuid;

        opts.Schema.For<UserAccount>().UniqueIndex(u => u.NormalizedUserName);
        // Counted from several replicas at once: a write based on a stale read fails and is retried.
        opts.Schema.For<LoginAttempts>().UseOptimisticConcurrency(true);
        opts.Schema.For<ArenaModel>()
            .Index(m => m.ParentId)
            .Index(m => m.OwnerId)
            .Index(m => m.Created)
            .GinIndexJsonData();
        opts.Schema.For<BakeJob>().Index(j => j.UserId).Index(j => j.RequestedAt);
        // Written by worker reports and the owner's cancel at once: a write based on a stale read fails and decides again.
        opts.Schema.For<EvaluationJob>().Index(j => j.ModelId).Index(j => j.UserId).UseOptimisticConcurrency(true);
        opts.Schema.For<UserSuite>().Index(s => s.OwnerId);

        // Inline: the job's state is written in the same transaction as its events, so a reader never sees an
        // event without the state it implies (the Jobs page reads the snapshot).
        opts.Projections.Snapshot<BakeJob>(SnapshotLifecycle.Inline);
        opts.Events.AddEventType<BakeRequested>();
        opts.Events.AddEventType<BakeStarted>();
        opts.Events.AddEventType<BakeProgressed>();
        opts.Events.AddEventType<BakeCompleted>();
        opts.Events.AddEventType<BakeFailed>();
        opts.Events.AddEventType<BakeCancelled>();
        opts.Events.AddEventType<BakeLeaseRenewed>();
        opts.Events.AddEventType<BakeRequeued>();

        // Battles: inline too, so a vote and the state that refuses a second one commit together.
        opts.Schema.For<BattleView>().Index(b => b.JudgeKey).Index(b => b.VotedAt).Index(b => b.IpHash);
        opts.Projections.Snapshot<BattleView>(SnapshotLifecycle.Inline);
        opts.Events.AddEventType<BattleCreated>();
        opts.Events.AddEventType<TurnAdded>();
        opts.Events.AddEventType<RepliesRecorded>();
        opts.Events.AddEventType<Voted>();
        opts.Schema.For<LeaderboardSnapshot>();
    }
}
