package dev.teardown.cli;

import dev.teardown.cli.CommandReports.CommandName;
import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DestroyRequest;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.ResourceRef;
import dev.teardown.ports.in.CommandAnswer;
import dev.teardown.ports.in.ResourcesAnswer;
import dev.teardown.ports.out.TeardownApiException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code teardown destroy DROPLET_ID}: destroy a droplet with all its associated resources, a selection
 * of them, or none. It lists them first, checks the selection against the list, shows the plan and asks
 * for the droplet id to be typed; then it sends the destroy once.
 */
@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = {
            "Destroy a droplet with all its associated resources (--all), a selection of them (--reserved-ip,"
                    + " --snapshot, --volume, --volume-snapshot), or none (--droplet-only). It cannot be undone.",
            "It lists the droplet's resources first and refuses an id that is not among them, shows what will be"
                    + " destroyed and what kept (and still costing money), and asks you to type the droplet id;"
                    + " --yes skips the question, --dry-run only shows the plan."})
final class DestroyCommand implements Callable<Integer> {

    private static final String SELECTION_FLAGS = "--reserved-ip, --snapshot, --volume, --volume-snapshot";

    @ParentCommand
    TeardownCommand parent;

    @Parameters(index = "0", paramLabel = "DROPLET_ID", converter = DropletIds.class,
            description = "The droplet to destroy.")
    DropletId dropletId;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--all", description = "Destroy every associated resource with the droplet, including any this"
            + " token may not list (the API's dangerous destroy).")
    boolean all;

    @Option(names = "--droplet-only", description = "Destroy the droplet alone; every associated resource is kept"
            + " and keeps costing money.")
    boolean dropletOnly;

    @Option(names = "--reserved-ip", paramLabel = "ID", description = "Destroy this reserved IP too (repeatable).")
    List<String> reservedIps = new ArrayList<>();

    @Option(names = "--floating-ip", paramLabel = "ID",
            description = "The deprecated name of --reserved-ip: the id is sent as a floating IP (repeatable).")
    List<String> floatingIps = new ArrayList<>();

    @Option(names = "--snapshot", paramLabel = "ID", description = "Destroy this snapshot too (repeatable).")
    List<String> snapshots = new ArrayList<>();

    @Option(names = "--volume", paramLabel = "ID", description = "Destroy this volume too (repeatable).")
    List<String> volumes = new ArrayList<>();

    @Option(names = "--volume-snapshot", paramLabel = "ID",
            description = "Destroy this volume snapshot too (repeatable).")
    List<String> volumeSnapshots = new ArrayList<>();

    @Option(names = "--dry-run", description = "Show what would be destroyed and what kept; send no destroy.")
    boolean dryRun;

    @Option(names = "--yes", description = "Do not ask for the droplet id to be typed: destroy at once.")
    boolean yes;

    @Mixin
    FollowOptions follow;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class, defaultValue = "30s",
            description = "Give up on each call to the API (the list, the destroy) after this long, retries"
                    + " included (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        CliContext context = parent.context;
        Optional<String> misuse = misuse();
        if (misuse.isPresent()) {
            context.err().println("teardown: destroy: " + misuse.get());
            return ExitCode.USAGE;
        }
        if (!dryRun && !yes && !Confirmation.canAsk(context, "destroy", dropletId)) {
            return ExitCode.USAGE;
        }
        DestroyRequest request = request();
        Optional<CliStack> opened = CliStack.open(context, connection, timeout, true);
        if (opened.isEmpty()) {
            return ExitCode.UNAVAILABLE;
        }
        try (CliStack stack = opened.get()) {
            ResourcesAnswer listed = stack.resources().list(dropletId, context.clock().instant().plus(timeout));
            if (!(listed instanceof ResourcesAnswer.Listed found)) {
                print(context, connection.json ? CommandReports.notFoundJson(CommandName.DESTROY, dropletId) + "\n"
                        : CommandReports.human(CommandName.DESTROY, new CommandAnswer.NotFound(dropletId)));
                return ExitCode.NOT_FOUND;
            }
            AssociatedResources resources = found.resources();
            if (request instanceof DestroyRequest.Selection selection && !selection.unknownIn(resources).isEmpty()) {
                context.err().println("teardown: destroy: " + unknown(selection.unknownIn(resources))
                        + "; teardown resources " + dropletId + " lists what is; nothing was sent");
                return ExitCode.USAGE;
            }
            DestroyPlan plan = new DestroyPlan(resources, request);
            if (dryRun) {
                print(context, connection.json ? ResourceReports.json(plan) + "\n"
                        : ResourceReports.human(plan) + "\nDry run: nothing was destroyed.\n");
                return ExitCode.SUCCEEDED;
            }
            if (!yes) {
                // With --json, standard output keeps to the result document; the plan goes with the question.
                PrintWriter shown = connection.json ? context.err() : context.out();
                shown.print(ResourceReports.human(plan) + "\n");
                shown.flush();
                if (!Confirmation.confirmed(context, dropletId, "destroy",
                        plan.everything() ? "destroy it with everything associated" : "destroy it as planned")) {
                    return ExitCode.USAGE;
                }
            } else if (!connection.json) {
                print(context, ResourceReports.human(plan) + "\n");
            }
            CommandAnswer answer = stack.destroy().destroy(dropletId, request, context.clock().instant().plus(timeout));
            print(context, connection.json ? CommandReports.json(CommandName.DESTROY, answer) + "\n"
                    : CommandReports.human(CommandName.DESTROY, answer));
            return follow.exitCode(answer, parent, dropletId, connection, context, stack);
        } catch (TeardownApiException failure) {
            if (connection.json) {
                print(context, CommandReports.failureJson(CommandName.DESTROY, failure) + "\n");
            }
            context.err().println(FailureMessages.of(failure));
            return ExitCode.UNAVAILABLE;
        }
    }

    /** What is wrong with the flags, checked before anything is sent. */
    private Optional<String> misuse() {
        boolean selected = !selection().isEmpty();
        int ways = (all ? 1 : 0) + (dropletOnly ? 1 : 0) + (selected ? 1 : 0);
        if (ways == 0) {
            return Optional.of("say what to destroy with droplet " + dropletId + ": --all (everything), resources by id ("
                    + SELECTION_FLAGS + ", each repeatable), or --droplet-only (nothing else);"
                    + " teardown resources " + dropletId + " lists them");
        }
        if (ways > 1) {
            return Optional.of("choose one of --all, --droplet-only, or resources by id (" + SELECTION_FLAGS + ")");
        }
        for (Map.Entry<ResourceKind, List<String>> kind : selection().entrySet()) {
            if (kind.getValue().stream().anyMatch(String::isBlank)) {
                return Optional.of(flag(kind.getKey()) + " needs an id, was blank");
            }
        }
        if (dryRun && follow.watch) {
            return Optional.of("--dry-run sends no destroy, so there is nothing to --watch");
        }
        return Optional.empty();
    }

    private Map<ResourceKind, List<String>> selection() {
        Map<ResourceKind, List<String>> selection = new EnumMap<>(ResourceKind.class);
        selection.put(ResourceKind.RESERVED_IP, reservedIps);
        selection.put(ResourceKind.FLOATING_IP, floatingIps);
        selection.put(ResourceKind.SNAPSHOT, snapshots);
        selection.put(ResourceKind.VOLUME, volumes);
        selection.put(ResourceKind.VOLUME_SNAPSHOT, volumeSnapshots);
        selection.values().removeIf(List::isEmpty);
        return selection;
    }

    private DestroyRequest request() {
        if (all) {
            return DestroyRequest.everything();
        }
        return DestroyRequest.Selection.of(selection());
    }

    /** {@code --volume 'abc' is not associated with droplet N}, every unknown id named as it was given. */
    private String unknown(List<ResourceRef> unknown) {
        String named = unknown.stream().map(ref -> flag(ref.kind()) + " '" + Printable.of(ref.id()) + "'")
                .collect(Collectors.joining(", "));
        return named + (unknown.size() == 1 ? " is" : " are") + " not associated with droplet " + dropletId;
    }

    private static String flag(ResourceKind kind) {
        return "--" + ReportDocuments.kindName(kind).replace('_', '-');
    }

    private static void print(CliContext context, String text) {
        context.out().print(text);
        context.out().flush();
    }
}
