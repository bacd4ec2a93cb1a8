using CchcBot.Delivery;
using CchcBot.Evidence;
using CchcBot.Graph;
using CchcBot.Progress;
using CchcBot.Storage;
using CchcBot.Teams.CardActions;
using CchcBot.Teams.Commands;
using CchcBot.Teams.Delivery;
using CchcBot.Teams.Files;
using CchcBot.Teams.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace CchcBot.Teams;

public static class TeamsServices
{
    public static IServiceCollection AddCchcTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.Section));
        services.AddCchcGraph(configuration);
        services.AddSingleton<SendRateLimiter>();
        services.AddSingleton<RetryingSend>();
        services.AddSingleton<IProactiveSender, ProactiveSender>();
        services.AddSingleton<LatestPlanScopes>();
        services.AddSingleton<ISnapshotLoader, SnapshotLoader>();
        services.AddSingleton<IBlockerNotifier, BlockerNotifier>();
        services.AddSingleton<StatusUpdater>();
        services.AddSingleton<ChatCards>();
        services.AddSingleton<MyTasksView>();
        services.AddSingleton<TaskView>();
        services.AddSingleton<InstallationHandler>();
        services.AddSingleton<ISendLedger, SendLedger>();
        services.AddSingleton<IUnreachableRecipients, UnreachableRecipients>();
        services.AddSingleton<OutgoingCards>();
        services.AddSingleton<IOutbox, ExactlyOnceSender>();

        // ConfigurationBotFrameworkAuthentication takes IHttpClientFactory if there is one; without it every turn's
        // connector client gets a new HttpClient, with its own connection pool.
        services.AddHttpClient();
        services.AddSingleton<SharedConnectorClients>();
        services.AddSingleton<BotFrameworkAuthentication, SharedContractsAuthentication>();
        services.AddSingleton<TenantGuardMiddleware>();
        services.AddSingleton<ConversationTrackingMiddleware>();
        services.AddSingleton<AdapterWithErrorHandler>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddSingleton<IConversationRepository, ConversationRepository>();
        services.AddSingleton<IUserResolver, UserResolver>();
        services.AddSingleton<CommandRouter>();
        services.AddSingleton<CardActionRouter>();
        services.AddSingleton<HelpCommand>();
        services.AddSingleton<IChatCommand>(sp => sp.GetRequiredService<HelpCommand>());
        services.AddSingleton<IChatCommand, MyTasksCommand>();
        services.AddSingleton<ICardAction, UpdateStatusAction>();
        services.AddSingleton<ICardAction, RefreshTaskAction>();
        services.AddSingleton<ICardAction, MyTasksPageAction>();
        services.AddSingleton<ICardAction, DigestDetailsAction>();
        services.AddSingleton<ICardAction, CooperatingDueAction>();
        services.AddCchcSectionFour(configuration); // blockers answered, deadlines extended (section IV of the plan)
        services.AddSingleton<ICardAction, AssignAction>();
        services.AddSingleton<DirectoryEditor>();
        services.AddSingleton<ICardAction, SaveDepartmentAction>();
        services.AddSingleton<IChatCommand, DirectoryBookCommand>();
        services.AddSingleton<IChatCommand, DigestCommand>();
        services.AddSingleton<IChatCommand, SetDigestChannelCommand>();
        services.AddSingleton<IChatCommand, QuarterReportCommand>();
        services.AddSingleton<IChatCommand, PeriodReportCommand>();
        services.AddSingleton<ICardAction, MakeReportAction>();
        services.AddSingleton<ITeamInstallObserver, DigestChannelOnInstall>();
        services.AddOptions<FileDownloadOptions>().Bind(configuration.GetSection(FileDownloadOptions.Section));
        services.AddHttpClient(FileDownloader.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<FileDownloader>();
        services.AddSingleton<IPendingImportRepository, PendingImportRepository>();
        services.AddSingleton<IImportRecordRepository, ImportRecordRepository>();
        services.AddSingleton<Plan.Import.PlanImporter>();
        services.AddSingleton<PlanChangeNotifier>();
        services.AddSingleton<IIncomingFileFlow, PlanImportFlow>(); // first: a plan is never taken for evidence
        services.AddSingleton<ICardAction, ConfirmImportAction>();
        services.AddSingleton<ICardAction, CancelImportAction>();
        services.AddSingleton<IncomingFileRouter>();
        services.AddTransient<IBot, CchcTeamsBot>();
        services.AddCchcEvidence(configuration);
        services.AddSingleton<IIncomingFileFlow, EvidenceFlow>(); // last: it takes any PDF, .docx or image
        services.AddSingleton<ICardAction, AttachEvidenceAction>();
        return services;
    }
}
