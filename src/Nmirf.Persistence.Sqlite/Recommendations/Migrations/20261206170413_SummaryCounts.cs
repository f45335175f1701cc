using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nmirf.Persistence.Sqlite.Recommendations.Migrations
{
    /// <inheritdoc />
    public partial class SummaryCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The counts of a country's dashboard without a filter, kept as the rows change: recommendations by
            // (status, body, lead institution; '' when unassigned) and SDG goal tags by goal. Triggers keep them, so
            // that every writer (the import's bulk insert, a status change, an assignment, a deletion and its
            // cascade to the tags) keeps them true, in its own transaction. Rows whose count falls to 0 stay, and are
            // not read.
            migrationBuilder.Sql("""
                CREATE TABLE "recommendations_SummaryCounts" (
                    "CountryCode" TEXT NOT NULL, "Status" TEXT NOT NULL, "Body" TEXT NOT NULL, "LeadInstitution" TEXT NOT NULL,
                    "Count" INTEGER NOT NULL,
                    PRIMARY KEY ("CountryCode", "Status", "Body", "LeadInstitution")) WITHOUT ROWID;
                INSERT INTO "recommendations_SummaryCounts"
                    SELECT "CountryCode", "Status", "Body", coalesce("LeadInstitution", ''), count(*) FROM "recommendations_Recommendations"
                    GROUP BY "CountryCode", "Status", "Body", coalesce("LeadInstitution", '');
                CREATE TRIGGER "recommendations_SummaryCounts_Insert" AFTER INSERT ON "recommendations_Recommendations" BEGIN
                    INSERT INTO "recommendations_SummaryCounts" VALUES (new."CountryCode", new."Status", new."Body", coalesce(new."LeadInstitution", ''), 1)
                        ON CONFLICT DO UPDATE SET "Count" = "Count" + 1;
                END;
                CREATE TRIGGER "recommendations_SummaryCounts_Update" AFTER UPDATE OF "CountryCode", "Status", "Body", "LeadInstitution" ON "recommendations_Recommendations"
                    WHEN old."CountryCode" IS NOT new."CountryCode" OR old."Status" IS NOT new."Status" OR old."Body" IS NOT new."Body"
                        OR old."LeadInstitution" IS NOT new."LeadInstitution" BEGIN
                    UPDATE "recommendations_SummaryCounts" SET "Count" = "Count" - 1
                        WHERE "CountryCode" = old."CountryCode" AND "Status" = old."Status" AND "Body" = old."Body" AND "LeadInstitution" = coalesce(old."LeadInstitution", '');
                    INSERT INTO "recommendations_SummaryCounts" VALUES (new."CountryCode", new."Status", new."Body", coalesce(new."LeadInstitution", ''), 1)
                        ON CONFLICT DO UPDATE SET "Count" = "Count" + 1;
                END;
                CREATE TRIGGER "recommendations_SummaryCounts_Delete" AFTER DELETE ON "recommendations_Recommendations" BEGIN
                    UPDATE "recommendations_SummaryCounts" SET "Count" = "Count" - 1
                        WHERE "CountryCode" = old."CountryCode" AND "Status" = old."Status" AND "Body" = old."Body" AND "LeadInstitution" = coalesce(old."LeadInstitution", '');
                END;

                CREATE TABLE "recommendations_TagCounts" (
                    "CountryCode" TEXT NOT NULL, "Kind" TEXT NOT NULL, "Value" TEXT NOT NULL, "Count" INTEGER NOT NULL,
                    PRIMARY KEY ("CountryCode", "Kind", "Value")) WITHOUT ROWID;
                INSERT INTO "recommendations_TagCounts"
                    SELECT "CountryCode", "Kind", "Value", count(*) FROM "recommendations_Tags" WHERE "Kind" = 'SdgGoal'
                    GROUP BY "CountryCode", "Kind", "Value";
                CREATE TRIGGER "recommendations_TagCounts_Insert" AFTER INSERT ON "recommendations_Tags" WHEN new."Kind" = 'SdgGoal' BEGIN
                    INSERT INTO "recommendations_TagCounts" VALUES (new."CountryCode", new."Kind", new."Value", 1)
                        ON CONFLICT DO UPDATE SET "Count" = "Count" + 1;
                END;
                CREATE TRIGGER "recommendations_TagCounts_Update" AFTER UPDATE ON "recommendations_Tags" WHEN old."Kind" = 'SdgGoal' OR new."Kind" = 'SdgGoal' BEGIN
                    UPDATE "recommendations_TagCounts" SET "Count" = "Count" - 1
                        WHERE old."Kind" = 'SdgGoal' AND "CountryCode" = old."CountryCode" AND "Kind" = old."Kind" AND "Value" = old."Value";
                    INSERT INTO "recommendations_TagCounts" SELECT new."CountryCode", new."Kind", new."Value", 1 WHERE new."Kind" = 'SdgGoal'
                        ON CONFLICT DO UPDATE SET "Count" = "Count" + 1;
                END;
                CREATE TRIGGER "recommendations_TagCounts_Delete" AFTER DELETE ON "recommendations_Tags" WHEN old."Kind" = 'SdgGoal' BEGIN
                    UPDATE "recommendations_TagCounts" SET "Count" = "Count" - 1
                        WHERE "CountryCode" = old."CountryCode" AND "Kind" = old."Kind" AND "Value" = old."Value";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "recommendations_SummaryCounts_Insert";
                DROP TRIGGER "recommendations_SummaryCounts_Update";
                DROP TRIGGER "recommendations_SummaryCounts_Delete";
                DROP TABLE "recommendations_SummaryCounts";
                DROP TRIGGER "recommendations_TagCounts_Insert";
                DROP TRIGGER "recommendations_TagCounts_Update";
                DROP TRIGGER "recommendations_TagCounts_Delete";
                DROP TABLE "recommendations_TagCounts";
                """);
        }
    }
}
