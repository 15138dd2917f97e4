package io.bellwether.enrich.story;

/** Two unrelated short news texts, written for the story tests, and a rewrite of the first. */
public final class StoryTexts {
    public static final String WIRE = "Harbour authority approves a second container terminal";
    public static final String WIRE_BODY = "The harbour authority voted on Monday to build a second container "
            + "terminal on the reclaimed land north of the old fish market, ending four years of argument over the "
            + "site.\n\nThe terminal will add six berths and is meant to take the larger ships that now wait "
            + "offshore for a slot. The authority put the cost at just under a billion and said work would start "
            + "next spring.\n\nResidents of the northern quarter, who had campaigned against the plan, said they "
            + "would study the noise limits in the approval before deciding whether to go to court.\n\nThe port "
            + "handled a record number of containers last year, and shipping lines had warned that they would move "
            + "services elsewhere without more room.";
    public static final String REWRITE = "Second container terminal gets the go-ahead";
    public static final String REWRITE_BODY = WIRE_BODY.substring(0, WIRE_BODY.lastIndexOf("\n\n"))
            .replace("on Monday", "this week");
    public static final String OTHER = "Library extends opening hours for the exam season";
    public static final String OTHER_BODY = "The central library will stay open until midnight on weekdays for "
            + "the next six weeks so that students have a quiet place to revise, the council said.\n\nVolunteers "
            + "from the university will staff the reading rooms after nine in the evening, and the cafe on the "
            + "ground floor will keep serving until ten.\n\nLast year the late opening drew about four hundred "
            + "visitors a night in its busiest week.";

    private StoryTexts() {
    }
}
