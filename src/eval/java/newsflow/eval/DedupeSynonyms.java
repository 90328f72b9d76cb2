package newsflow.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A generic English synonym table for the evaluation's article spinner.
 *
 * <p>Written for this project: common news-English words, each mapped to words a cheap
 * "article spinner" would put in its place (not always good synonyms: spinners are not careful,
 * and seed 002 shows "train" becoming "exercise"). Used only to build the evaluation corpus,
 * never by the detector, which must not know which words a spinner changes. Immutable and
 * thread-safe.
 */
final class DedupeSynonyms {

    private static final String TABLE = """
            about: regarding, concerning, approximately
            accept: agree to, take on
            accused: charged, blamed
            achieve: attain, accomplish
            act: behave, perform
            action: move, step
            add: include, append
            added: included, further stated
            additional: further, extra
            address: tackle, handle
            admit: confess, acknowledge
            advance: progress, proceed
            affect: influence, impact
            afternoon: day, evening
            agency: bureau, service
            agree: concur, consent
            agreement: deal, accord
            aid: help, assistance
            aim: goal, target
            allow: permit, let
            allowed: permitted, let
            amid: amidst, during
            amount: quantity, sum
            analysts: experts, observers
            announce: declare, reveal
            announced: declared, revealed
            answer: reply, response
            anticipated: expected, awaited
            appear: seem, show up
            appears: seems, looks
            approach: method, technique
            approve: endorse, sanction
            area: region, zone
            areas: regions, zones
            argue: contend, claim
            arrive: reach, get to
            arrived: reached, landed
            ask: request, inquire
            asked: requested, questioned
            assist: help, aid
            attack: assault, strike
            attempt: try, effort
            attend: join, go to
            authorities: officials, government
            available: obtainable, accessible
            avoid: prevent, evade
            bad: poor, awful
            ban: prohibition, bar
            base: foundation, basis
            became: grew to be, turned into
            become: grow to be, turn into
            begin: start, commence
            began: started, commenced
            behind: in the back of, following
            believe: think, trust
            believed: thought, assumed
            benefit: advantage, gain
            best: finest, greatest
            big: large, huge
            bill: measure, legislation
            boost: increase, raise
            border: frontier, boundary
            brief: short, quick
            bring: take, carry
            build: construct, create
            building: structure, constructing
            business: company, enterprise
            buy: purchase, acquire
            call: name, phone
            called: named, known as
            campaign: drive, effort
            capital: money, funds
            car: vehicle, automobile
            care: concern, attention
            carried: transported, conveyed
            case: instance, matter
            cause: reason, trigger
            caused: induced, triggered
            center: middle, core
            central: main, principal
            challenge: problem, difficulty
            chance: opportunity, likelihood
            change: alteration, shift
            changes: alterations, shifts
            cheap: inexpensive, low-cost
            check: examine, verify
            chief: head, leader
            child: kid, youngster
            children: kids, youngsters
            choose: select, pick
            city: town, metropolis
            claim: assertion, contend
            claimed: asserted, contended
            clear: obvious, plain
            close: near, shut
            closely: intently, carefully
            comfortable: relaxed, at ease
            coming: upcoming, approaching
            comment: remark, statement
            common: usual, frequent
            community: neighborhood, public
            company: firm, business
            complete: full, total
            complex: complicated, intricate
            concern: worry, problem
            concerns: worries, considerations
            conference: meeting, convention
            confirm: verify, validate
            confirmed: verified, validated
            connect: link, join
            consider: think about, contemplate
            continue: proceed, carry on
            continued: proceeded, carried on
            control: management, command
            controls: restrictions, regulations
            cooperation: collaboration, partnership
            correct: right, accurate
            cost: price, expense
            costs: prices, expenses
            country: nation, land
            countries: nations, states
            create: produce, generate
            crisis: emergency, catastrophe
            critical: crucial, vital
            crowd: throng, mass
            crowds: throngs, masses
            current: present, existing
            customer: client, buyer
            customers: clients, buyers
            damage: harm, injury
            data: information, figures
            deal: agreement, bargain
            decide: determine, resolve
            decision: choice, ruling
            declined: refused, turned down
            deep: profound, intense
            defend: protect, guard
            delay: postponement, hold-up
            deliver: provide, supply
            demand: need, call for
            describe: depict, portray
            described: depicted, portrayed
            design: layout, style
            designed: created, intended
            despite: notwithstanding, regardless of
            detail: particular, point
            details: particulars, specifics
            develop: expand, create
            developed: created, evolved
            development: growth, progress
            difficult: hard, tough
            director: manager, head
            discuss: talk about, debate
            discussed: talked about, debated
            display: show, exhibit
            drive: push, force
            early: initial, prompt
            earlier: previously, before
            easy: simple, effortless
            economic: financial, fiscal
            economy: financial system, market
            effect: result, impact
            effort: attempt, endeavour
            efforts: attempts, endeavours
            election: vote, poll
            employees: staff, workers
            encourage: urge, inspire
            end: finish, conclusion
            ended: finished, concluded
            enough: sufficient, adequate
            ensure: guarantee, make sure
            enter: go into, access
            entire: whole, complete
            especially: particularly, specifically
            establish: set up, found
            event: occasion, incident
            events: occasions, incidents
            eventually: finally, ultimately
            evidence: proof, signs
            exactly: precisely, just
            example: instance, case
            expand: broaden, extend
            expect: anticipate, await
            expected: anticipated, predicted
            experience: expertise, knowledge
            expert: specialist, authority
            experts: specialists, authorities
            explain: clarify, describe
            face: confront, encounter
            faces: confronts, encounters
            fact: reality, truth
            fail: flop, fall short
            failure: collapse, breakdown
            fair: just, reasonable
            famous: well-known, renowned
            fast: quick, rapid
            fear: worry, dread
            feel: sense, believe
            field: area, sector
            fight: battle, struggle
            figure: number, determine
            final: last, ultimate
            finally: lastly, eventually
            find: discover, locate
            firm: company, business
            first: initial, earliest
            focus: concentrate, centre
            follow: observe, track
            following: after, subsequent to
            force: power, strength
            forced: compelled, obliged
            foreign: overseas, international
            former: previous, earlier
            forward: ahead, onward
            free: complimentary, unrestricted
            friend: buddy, companion
            full: complete, entire
            future: prospect, coming
            gain: obtain, acquire
            get: obtain, acquire
            give: provide, offer
            given: provided, offered
            goal: aim, target
            good: great, fine
            government: administration, authorities
            great: terrific, excellent
            group: team, organization
            grow: increase, expand
            growth: expansion, increase
            happen: occur, take place
            happened: occurred, took place
            hard: difficult, tough
            head: lead, chief
            health: fitness, wellness
            hear: listen, learn
            held: hosted, organized
            help: assist, support
            high: elevated, excessive
            highly: extremely, very
            hit: strike, smack
            hold: host, organize
            home: house, residence
            hope: wish, expect
            huge: massive, enormous
            idea: notion, concept
            impact: effect, influence
            important: crucial, key
            improve: enhance, better
            include: contain, involve
            included: contained, involved
            including: adding, counting
            increase: rise, boost
            increased: risen, grown
            indicate: show, signal
            industry: sector, business
            influence: effect, sway
            information: details, data
            initial: first, early
            instead: rather, alternatively
            interest: curiosity, attention
            international: global, worldwide
            investigation: probe, inquiry
            issue: problem, matter
            issues: problems, matters
            job: work, position
            join: unite, connect
            journey: trip, voyage
            keep: retain, maintain
            key: crucial, essential
            kind: type, sort
            know: understand, realize
            known: recognized, identified
            large: big, massive
            last: past, final
            late: delayed, recent
            later: afterwards, subsequently
            launch: start, introduce
            launched: started, introduced
            law: legislation, statute
            lead: guide, direct
            leader: chief, head
            leaders: chiefs, heads
            leading: main, top
            learn: find out, discover
            leave: depart, exit
            left: departed, exited
            less: fewer, lower
            level: degree, stage
            likely: probable, likely to
            limit: restrict, cap
            limited: restricted, minimal
            list: record, listing
            little: small, tiny
            live: reside, dwell
            local: regional, neighborhood
            long: lengthy, prolonged
            look: appear, seem
            lose: misplace, forfeit
            lost: misplaced, forfeited
            low: reduced, small
            main: primary, principal
            maintain: preserve, keep
            major: significant, main
            make: create, produce
            making: creating, producing
            manage: handle, run
            market: marketplace, industry
            matter: issue, subject
            mean: imply, suggest
            measure: step, action
            measures: steps, actions
            meeting: assembly, conference
            member: participant, affiliate
            members: participants, affiliates
            method: technique, approach
            military: army, armed forces
            million: million, millions of
            minister: secretary, official
            month: period, four weeks
            months: periods, several weeks
            move: step, transfer
            moved: shifted, transferred
            much: a great deal, considerably
            near: close to, nearby
            nearly: almost, virtually
            need: require, want
            needed: required, necessary
            new: fresh, novel
            news: information, reports
            next: following, subsequent
            note: point out, remark
            noted: pointed out, remarked
            number: quantity, amount
            offer: provide, give
            offered: provided, gave
            office: workplace, bureau
            officer: official, agent
            officers: officials, agents
            official: formal, authorized
            officials: authorities, representatives
            often: frequently, regularly
            old: aged, former
            open: unlock, launch
            operation: process, procedure
            opportunity: chance, opening
            order: command, sequence
            organization: group, body
            original: initial, first
            outside: exterior, beyond
            part: portion, element
            partner: associate, collaborator
            partners: associates, allies
            party: celebration, faction
            pass: approve, go by
            past: former, previous
            pay: compensate, settle
            people: individuals, persons
            percent: per cent, percentage points
            period: time, phase
            personal: private, individual
            place: location, spot
            plan: scheme, strategy
            planned: scheduled, intended
            plans: schemes, strategies
            play: perform, act
            point: level, moment
            police: law enforcement, officers
            policy: strategy, plan
            political: governmental, partisan
            poor: bad, weak
            popular: widespread, prevalent
            position: place, situation
            possible: imaginable, conceivable
            potential: possible, prospective
            power: strength, energy
            powerful: strong, mighty
            prepare: ready, arrange
            present: current, show
            president: leader, head of state
            pressure: stress, strain
            prevent: stop, avoid
            previous: earlier, prior
            previously: earlier, before
            price: cost, rate
            prices: costs, rates
            private: personal, secret
            problem: issue, trouble
            problems: issues, troubles
            process: procedure, course of action
            produce: generate, make
            product: item, goods
            production: manufacturing, output
            program: programme, scheme
            project: plan, venture
            protect: shield, defend
            provide: offer, deliver
            provided: offered, delivered
            public: general public, community
            published: printed, released
            purpose: goal, aim
            question: query, issue
            questions: queries, issues
            quick: fast, rapid
            quickly: rapidly, swiftly
            raise: increase, lift
            raised: increased, lifted
            range: variety, array
            rare: uncommon, unusual
            rate: pace, rate of
            reach: attain, get to
            reached: attained, got to
            read: study, peruse
            ready: prepared, set
            real: actual, genuine
            reason: cause, motive
            receive: get, obtain
            received: got, obtained
            recent: latest, current
            recently: lately, newly
            record: document, log
            reduce: cut, decrease
            region: area, zone
            related: connected, associated
            release: statement, launch
            released: issued, published
            remain: stay, continue
            remains: stays, continues
            remove: take away, eliminate
            report: statement, account
            reported: stated, announced
            reports: accounts, statements
            require: need, demand
            research: study, investigation
            resident: inhabitant, local
            residents: inhabitants, locals
            response: reply, answer
            result: outcome, consequence
            results: outcomes, findings
            return: come back, go back
            reveal: disclose, expose
            revealed: disclosed, exposed
            rise: increase, climb
            risk: danger, hazard
            role: function, part
            rule: regulation, law
            rules: regulations, laws
            run: operate, manage
            safe: secure, protected
            safety: security, protection
            sale: sales, selling
            saw: noticed, observed
            second: following, next
            security: safety, protection
            see: observe, notice
            seek: search for, pursue
            seen: observed, noticed
            sell: market, trade
            senior: top, high-ranking
            send: dispatch, ship
            series: sequence, string
            serious: severe, grave
            serve: function, act
            service: support, provision
            set: put, established
            several: a number of, various
            share: portion, percentage
            short: brief, quick
            show: present, display
            showed: displayed, demonstrated
            shown: displayed, demonstrated
            side: aspect, party
            significant: substantial, considerable
            similar: comparable, alike
            simple: easy, basic
            site: location, place
            situation: circumstance, condition
            small: little, tiny
            source: origin, resource
            sources: contacts, informants
            space: area, room
            speak: talk, communicate
            special: unique, particular
            spend: invest, pay out
            spokesman: representative, spokesperson
            staff: personnel, workforce
            stand: position, stance
            start: begin, commence
            started: began, commenced
            state: nation, declare
            statement: declaration, announcement
            station: depot, terminal
            stay: remain, continue
            step: action, move
            still: nonetheless, yet
            stop: halt, end
            story: account, tale
            strategy: plan, approach
            strong: powerful, sturdy
            student: pupil, learner
            students: pupils, learners
            study: research, analysis
            subject: topic, matter
            success: achievement, triumph
            suggest: propose, recommend
            suggested: proposed, recommended
            support: assist, back
            sure: certain, positive
            system: method, structure
            take: grab, carry
            talk: discuss, speak
            talks: negotiations, discussions
            target: goal, objective
            team: group, squad
            technology: technologies, tech
            tell: inform, notify
            term: word, period
            test: trial, examination
            tests: trials, examinations
            thing: item, object
            things: items, stuff
            think: believe, consider
            thought: idea, notion
            threat: danger, menace
            tight: strict, rigid
            today: nowadays, these days
            together: jointly, collectively
            top: best, leading
            total: whole, overall
            tough: hard, difficult
            town: village, municipality
            trade: commerce, business
            train: exercise, coach
            travel: journey, tour
            trip: journey, visit
            true: correct, accurate
            try: attempt, seek
            turn: spin, transform
            type: sort, kind
            understand: comprehend, grasp
            unit: component, division
            use: utilize, employ
            used: utilized, employed
            usually: normally, generally
            value: worth, importance
            various: diverse, different
            version: edition, variant
            view: opinion, perspective
            visit: stopover, call
            vote: ballot, poll
            want: desire, wish
            war: conflict, warfare
            warned: cautioned, alerted
            watch: observe, monitor
            way: manner, method
            weapons: arms, armaments
            week: seven days, week period
            whole: entire, complete
            wide: broad, extensive
            win: victory, triumph
            woman: lady, female
            women: ladies, females
            word: term, expression
            work: job, labor
            worker: employee, labourer
            workers: employees, labourers
            world: globe, planet
            worry: concern, anxiety
            year: 12 months, season
            years: years, seasons
            young: youthful, junior
            """;

    private static final Map<String, List<String>> SYNONYMS = parse();

    private DedupeSynonyms() {
    }

    /** Replacements for a lower-case word, or an empty list. */
    static List<String> of(String lowerCaseWord) {
        return SYNONYMS.getOrDefault(lowerCaseWord, List.of());
    }

    /** Number of head words. */
    static int size() {
        return SYNONYMS.size();
    }

    private static Map<String, List<String>> parse() {
        Map<String, List<String>> map = new HashMap<>();
        for (String line : TABLE.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException("synonym line without a colon: " + line);
            }
            String head = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            List<String> alternatives = List.of(line.substring(colon + 1).trim().split("\\s*,\\s*"));
            map.put(head, alternatives.stream().filter(a -> !a.equals(head)).toList());
        }
        return Map.copyOf(map);
    }
}
