using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nmirf.Persistence.Sqlite.Recommendations.Migrations
{
    /// <inheritdoc />
    public partial class TagCountryAndFilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_recommendations_Recommendations_CountryCode_UprCycle",
                table: "recommendations_Recommendations");

            migrationBuilder.AddColumn<string>(
                name: "CountryCode",
                table: "recommendations_Tags",
                type: "TEXT",
                fixedLength: true,
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_Tags_CountryCode_Kind_Value",
                table: "recommendations_Tags",
                columns: new[] { "CountryCode", "Kind", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_Recommendations_CountryCode_UprCycle_Response",
                table: "recommendations_Recommendations",
                columns: new[] { "CountryCode", "UprCycle", "Response" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_recommendations_Tags_CountryCode_Kind_Value",
                table: "recommendations_Tags");

            migrationBuilder.DropIndex(
                name: "IX_recommendations_Recommendations_CountryCode_UprCycle_Response",
                table: "recommendations_Recommendations");

            migrationBuilder.DropColumn(
                name: "CountryCode",
                table: "recommendations_Tags");

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_Recommendations_CountryCode_UprCycle",
                table: "recommendations_Recommendations",
                columns: new[] { "CountryCode", "UprCycle" });
        }
    }
}
