using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nmirf.Persistence.Sqlite.Recommendations.Migrations
{
    /// <inheritdoc />
    public partial class SearchScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The search index learns each recommendation's country, and its country and body together, as words of a
            // column of their own ("Scope": "countrymar inmarupr"), so that a search within a country (or a country's
            // body) is counted and paged from the index alone, with no lookup of each match's row; the pair is one word
            // so that a body's search reads the body's short list, not the whole country's. FTS5 tables take no new
            // column: the table is rebuilt.
            migrationBuilder.Sql("""
                DROP TRIGGER "recommendations_Search_Insert";
                DROP TRIGGER "recommendations_Search_Update";
                DROP TRIGGER "recommendations_Search_Delete";
                DROP TABLE "recommendations_Search";
                CREATE VIRTUAL TABLE "recommendations_Search" USING fts5("Text", "Scope", tokenize = 'unicode61 remove_diacritics 2');
                INSERT INTO "recommendations_Search" (rowid, "Text", "Scope")
                    SELECT m."Row", r."Text", 'country' || lower(r."CountryCode") || ' in' || lower(r."CountryCode") || lower(r."Body")
                    FROM "recommendations_SearchRows" m JOIN "recommendations_Recommendations" r ON r."Id" = m."Id";
                CREATE TRIGGER "recommendations_Search_Insert" AFTER INSERT ON "recommendations_Recommendations" BEGIN
                    INSERT INTO "recommendations_SearchRows" ("Id") VALUES (new."Id");
                    INSERT INTO "recommendations_Search" (rowid, "Text", "Scope")
                        VALUES (last_insert_rowid(), new."Text", 'country' || lower(new."CountryCode") || ' in' || lower(new."CountryCode") || lower(new."Body"));
                END;
                CREATE TRIGGER "recommendations_Search_Update" AFTER UPDATE OF "Text", "CountryCode", "Body" ON "recommendations_Recommendations" BEGIN
                    UPDATE "recommendations_Search" SET "Text" = new."Text", "Scope" = 'country' || lower(new."CountryCode") || ' in' || lower(new."CountryCode") || lower(new."Body")
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
                DROP TRIGGER "recommendations_Search_Insert";
                DROP TRIGGER "recommendations_Search_Update";
                DROP TRIGGER "recommendations_Search_Delete";
                DROP TABLE "recommendations_Search";
                CREATE VIRTUAL TABLE "recommendations_Search" USING fts5("Text", tokenize = 'unicode61 remove_diacritics 2');
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
    }
}
