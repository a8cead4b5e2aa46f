package dev.teardown.cli;

import dev.teardown.domain.AssociatedResource;
import dev.teardown.domain.AssociatedResources;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A droplet's associated resources and a destroy's plan, as a person reads them (a table with the
 * monthly costs and their total) and as {@code --json} writes them (costs as decimal strings).
 */
final class ResourceReports {

    private static final List<String> HEADER = List.of("KIND", "NAME", "ID", "USD/MONTH");

    private ResourceReports() {
    }

    static String human(AssociatedResources listed) {
        if (listed.isEmpty()) {
            return "Droplet " + listed.dropletId() + ": no associated resources that this token may list.\n";
        }
        return "Droplet " + listed.dropletId() + ": " + count(listed.resources().size()) + ", "
                + money(listed.monthlyCostTotal()) + " USD a month while kept\n\n"
                + table(listed.resources(), listed.monthlyCostTotal());
    }

    /** {@code {"droplet_id":N,"resources":[…],"monthly_cost_total":"14.09"}}. */
    static String json(AssociatedResources listed) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("droplet_id", listed.dropletId().value());
        document.put("resources", documents(listed.resources()));
        document.put("monthly_cost_total", money(listed.monthlyCostTotal()));
        return Json.write(document);
    }

    /** The plan: what is destroyed with the droplet, and what is kept and keeps costing money. */
    static String human(DestroyPlan plan) {
        StringBuilder out = new StringBuilder();
        List<AssociatedResource> destroyed = plan.destroyed();
        List<AssociatedResource> kept = plan.kept();
        String droplet = "droplet " + plan.listed().dropletId();
        if (plan.everything()) {
            out.append("Destroy ").append(droplet).append(" with every associated resource (dangerous)");
        } else if (destroyed.isEmpty()) {
            out.append("Destroy ").append(droplet).append(" alone");
        } else {
            out.append("Destroy ").append(droplet).append(" with ").append(destroyed.size()).append(" of its ")
                    .append(count(plan.listed().resources().size()));
        }
        out.append(":\n\nDestroyed with the droplet:");
        if (destroyed.isEmpty()) {
            out.append(plan.everything() ? " no listed resource" : " nothing else").append('\n');
        } else {
            out.append('\n').append(table(destroyed, plan.destroyedMonthlyCost()));
        }
        if (plan.everything()) {
            out.append("Also destroyed: any associated resource this token may not list.\n");
        }
        out.append("\nKept, and still costing money:");
        if (kept.isEmpty()) {
            out.append(" nothing\n");
        } else {
            out.append('\n').append(table(kept, plan.keptMonthlyCost()));
        }
        return out.toString();
    }

    /** {@code destroy --dry-run --json}: what would be destroyed and what kept, with their monthly costs. */
    static String json(DestroyPlan plan) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("droplet_id", plan.listed().dropletId().value());
        document.put("command", "destroy");
        document.put("result", "dry_run");
        document.put("destroy", plan.everything() ? "everything" : "selection");
        document.put("destroyed", documents(plan.destroyed()));
        document.put("kept", documents(plan.kept()));
        document.put("monthly_cost_destroyed", money(plan.destroyedMonthlyCost()));
        document.put("monthly_cost_kept", money(plan.keptMonthlyCost()));
        return Json.write(document);
    }

    private static List<Map<String, Object>> documents(List<AssociatedResource> resources) {
        return resources.stream().map(ResourceReports::document).toList();
    }

    private static Map<String, Object> document(AssociatedResource resource) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("kind", ReportDocuments.kindName(resource.kind()));
        document.put("id", resource.id());
        document.put("name", resource.name());
        document.put("monthly_cost", resource.monthlyCost().toPlainString());
        return document;
    }

    /**
     * A sum in its own scale but with at least cents, so that nothing and a whole number read as amounts
     * ({@code 0.00}, {@code 10.00}); a cost as the API wrote it is shown as written.
     */
    static String money(BigDecimal amount) {
        return (amount.scale() < 2 ? amount.setScale(2) : amount).toPlainString();
    }

    private static String count(int resources) {
        return resources + (resources == 1 ? " associated resource" : " associated resources");
    }

    private static String table(List<AssociatedResource> resources, BigDecimal total) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (AssociatedResource resource : resources) {
            rows.add(List.of(ReportDocuments.kindName(resource.kind()), orDash(Printable.of(resource.name())),
                    Printable.of(resource.id()), resource.monthlyCost().toPlainString()));
        }
        rows.add(List.of("total", "", "", money(total)));
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size() - 1; i++) {
                line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row.get(i))).append("  ");
            }
            // Costs right-aligned, so that their points line up.
            int last = row.size() - 1;
            line.append(String.format(Locale.ROOT, "%" + widths[last] + "s", row.get(last)));
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static String orDash(String text) {
        return text.isEmpty() ? "-" : text;
    }
}
