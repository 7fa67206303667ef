package io.ownerscape.model;

/** The purposes that key the model's random streams; each names one kind of draw. */
public final class Purpose {
    public static final int PREFERENCE = 1;
    public static final int FRIEND_COUNT = 2;
    public static final int NETWORK_SHUFFLE = 3;
    public static final int NETWORK_REPAIR = 4;
    public static final int ACTIVATION = 5;
    public static final int SUBSTEP = 6;
    public static final int ORDER = 7;
    public static final int FIRM_TECHNOLOGY = 8;
    public static final int SKILL = 9;
    public static final int DEGREE = 10;
    public static final int INITIAL_WEALTH = 11;
    public static final int JOB_SEARCH = 12;
    public static final int AUTONOMY_SAMPLE = 13;
    public static final int NETWORK_REGION = 14;
    public static final int DEMAND_SHOCK = 15;
    public static final int SEARCH_CONTACT = 16;
    public static final int ACQUISITION_SEARCH = 17;
    public static final int ACQUISITION_CONTACT = 18;
    public static final int NATIONALISATION = 19;
    public static final int COOP_CONVERSION = 20;
    public static final int TURNOUT = 21;
    public static final int VOTE_NOISE = 22;
    public static final int PRIVATISATION = 23;
    public static final int SEPARATION = 24;
    public static final int TRANSFER_TRIAL = 25;
    public static final int TECHNOLOGY_RENEWAL = 26;

    private Purpose() {
    }
}
