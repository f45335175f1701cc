using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nmirf.Persistence.Sqlite.Recommendations.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexWithId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_recommendations_Recommendations_CountryCode_Body_Symbol_Paragraph",
                table: "recommendations_Recommendations");

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_Recommendations_CountryCode_Body_Symbol_Paragraph_Id",
                table: "recommendations_Recommendations",
                columns: new[] { "CountryCode", "Body", "Symbol", "Paragraph", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_recommendations_Recommendations_CountryCode_Body_Symbol_Paragraph_Id",
                table: "recommendations_Recommendations");

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_Recommendations_CountryCode_Body_Symbol_Paragraph",
                table: "recommendations_Recommendations",
                columns: new[] { "CountryCode", "Body", "Symbol", "Paragraph" });
        }
    }
}
