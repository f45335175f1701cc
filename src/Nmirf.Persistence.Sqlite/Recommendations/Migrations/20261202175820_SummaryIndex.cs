using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nmirf.Persistence.Sqlite.Recommendations.Migrations
{
    /// <inheritdoc />
    public partial class SummaryIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_recommendations_Recommendations_CountryCode_Status",
                table: "recommendations_Recommendations");

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_Recommendations_CountryCode_Status_Body_LeadInstitution",
                table: "recommendations_Recommendations",
                columns: new[] { "CountryCode", "Status", "Body", "LeadInstitution" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_recommendations_Recommendations_CountryCode_Status_Body_LeadInstitution",
                table: "recommendations_Recommendations");

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_Recommendations_CountryCode_Status",
                table: "recommendations_Recommendations",
                columns: new[] { "CountryCode", "Status" });
        }
    }
}
