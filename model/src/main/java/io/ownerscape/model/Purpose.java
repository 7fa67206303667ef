package io.ownerscape.model;

/** The purposes that key the model's random streams; each names one kind of draw. */
final class Purpose {
    static final int PREFERENCE = 1;
    static final int FRIEND_COUNT = 2;
    static final int NETWORK_SHUFFLE = 3;
    static final int NETWORK_REPAIR = 4;
    static final int ACTIVATION = 5;
    static final int SUBSTEP = 6;
    static final int ORDER = 7;
    static final int FIRM_TECHNOLOGY = 8;
    static final int SKILL = 9;
    static final int DEGREE = 10;
    static final int INITIAL_WEALTH = 11;
    static final int JOB_SEARCH = 12;
    static final int AUTONOMY_SAMPLE = 13;
    static final int NETWORK_REGION = 14;
    static final int DEMAND_SHOCK = 15;
    static final int SEARCH_CONTACT = 16;
    static final int ACQUISITION_SEARCH = 17;
    static final int ACQUISITION_CONTACT = 18;
    static final int NATIONALISATION = 19;
    static final int COOP_CONVERSION = 20;
    static final int TURNOUT = 21;
    static final int VOTE_NOISE = 22;
    static final int PRIVATISATION = 23;
    static final int SEPARATION = 24;
    static final int TRANSFER_TRIAL = 25;
    static final int TECHNOLOGY_RENEWAL = 26;

    private Purpose() {
    }
}
