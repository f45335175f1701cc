using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nmirf.Persistence.Sqlite.Recommendations.Migrations
{
    /// <inheritdoc />
    public partial class FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search of recommendation texts (FTS5, accents folded). A row map with an explicit integer key
            // ties each recommendation to its search row, so deletes and edits find it without a scan and VACUUM
            // cannot renumber it. Triggers keep both in step with the recommendations table.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "recommendations_Search" USING fts5("Text", tokenize = 'unicode61 remove_diacritics 2');
                CREATE TABLE "recommendations_SearchRows" ("Row" INTEGER PRIMARY KEY AUTOINCREMENT, "Id" TEXT NOT NULL UNIQUE);
                INSERT INTO "recommendations_SearchRows" ("Id") SELECT "Id" FROM "recommendations_Recommendations";
                INSERT INTO "recommendations_Search" (rowid, "Text")
                    SELECT m."Row", r."Text" FROM "recommendations_SearchRows" m JOIN "recommendations_Recommendations" r ON r."Id" = m."Id";
                CREATE TRIGGER "recommendations_Search_Insert" AFTER INSERT ON "recommendations_Recommendations" BEGIN
                    INSERT INTO "recommendations_SearchRows" ("Id") VALUES (new."Id");
                    INSERT INTO "recommendations_Search" (rowid, "Text") VALUES (last_insert_rowid(), new."Text");
                END;
                CREATE TRIGGER "recommendations_Search_Update" AFTER UPDATE OF "Text" ON "recommendations_Recommendations" BEGIN
                    UPDATE "recommendations_Search" SET "Text" = new."Text"
                        WHERE rowid = (SELECT "Row" FROM "recommendations_SearchRows" WHERE "Id" = old."Id");
                END;
                CREATE TRIGGER "recommendations_Search_Delete" AFTER DELETE ON "recommendations_Recommendations" BEGIN
                    DELETE FROM "recommendations_Search" WHERE rowid = (SELECT "Row" FROM "recommendations_SearchRows" WHERE "Id" = old."Id");
                    DELETE FROM "recommendations_SearchRows" WHERE "Id" = old."Id";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "recommendations_Search_Delete";
                DROP TRIGGER "recommendations_Search_Update";
                DROP TRIGGER "recommendations_Search_Insert";
                DROP TABLE "recommendations_SearchRows";
                DROP TABLE "recommendations_Search";
                """);
        }
    }
}
