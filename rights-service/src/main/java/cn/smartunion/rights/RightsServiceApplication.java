package cn.smartunion.rights;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RightsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RightsServiceApplication.class, args);
    }
}
